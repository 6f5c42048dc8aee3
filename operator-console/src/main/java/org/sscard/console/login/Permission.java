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
    /** List the own insurer's members. */
    MEMBER_READ,
    /** Enrol a person as a member of the own insurer. */
    MEMBER_ENROL,
    /** End a member's enrolment at the own insurer. */
    MEMBER_DISENROL,
    /** Upload one of the own insurer's CSV files to insurer-adapters. */
    IMPORT_UPLOAD,
    /** Review the own insurer's dependant verifications (被扶養者確認): list, read, accept, return. */
    DEPENDANTS_REVIEW;

    @Override
    public String getAuthority() {
        return name();
    }
}
