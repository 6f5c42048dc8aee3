package org.sscard.console.login;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a console login may do, one permission per kind of action; every controller method names the one it needs
 * ({@code @PreAuthorize("hasAuthority('CARD_ISSUE')")}). A role grants a fixed set ({@link ConsoleRole}); a login of
 * no console role gets none, and so can do nothing but log out.
 */
public enum Permission implements GrantedAuthority {
    /** Find a resident (provisional SSN and date of birth) and see their page: person, cards, subscriptions. */
    RESIDENT_READ,
    /** Register a new resident at the relay. */
    RESIDENT_REGISTER,
    /** Issue a soft card (PKCS#12) for a registered resident. */
    CARD_ISSUE,
    /** Put a card on hold (reported lost). */
    CARD_SUSPEND,
    /** Take a card off hold (found again). */
    CARD_RESUME,
    /** Revoke a card for good (damaged, holder deceased, key compromise). */
    CARD_REVOKE,
    /** Revoke a card as superseded and issue its successor in one go. */
    CARD_REISSUE,
    /** Start a token card: a one-time enrolment code for the counter's token writer. */
    ENROLMENT_CODE_ISSUE,
    /** Register or end a resident's subscription to a provider service, at the resident's request. */
    SUBSCRIPTION_MANAGE,
    /** List the own insurer's members (from the insurer's own register at insurer-adapters). */
    MEMBER_READ,
    /** Register a joiner at the own insurer (the insurer publishes it to the relay). */
    MEMBER_REGISTER_JOINER,
    /** Register a member's loss of coverage at the own insurer (the insurer publishes it to the relay). */
    MEMBER_REGISTER_LOSS,
    /** Upload one of the own insurer's CSV files to insurer-adapters. */
    IMPORT_UPLOAD,
    /** Review the own insurer's dependant verifications (被扶養者確認): list, read, accept, return. */
    DEPENDANTS_REVIEW,
    /** See the own insurer's link-review queue at the relay, and one review with both records side by side. */
    LINK_REVIEW_READ,
    /** Decide a link review: link, reject, confirm a disputed link is not the person's, or reinstate it. */
    LINK_REVIEW_DECIDE,
    /** See the previous-coverage notices the insurer received and the relay's linkage log for the insurer. */
    LINKAGE_READ;

    @Override
    public String getAuthority() {
        return name();
    }
}
