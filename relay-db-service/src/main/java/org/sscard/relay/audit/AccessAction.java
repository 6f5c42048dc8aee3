package org.sscard.relay.audit;

/** What was done with a person's data, as recorded in the access log. */
public enum AccessAction {
    PERSON_CREATE,
    PERSON_READ,
    PERSON_STATUS_CHANGE,
    LOOKUP_BY_PERSONAL_ID,
    /** The card issuer read the person's personal ID to certify it in a new card for them. */
    PERSONAL_ID_READ,
    LOOKUP_BY_PROVISIONAL_SSN,
    SERVICES_READ,
    SUBSCRIBE,
    WITHDRAW,
    MAPPINGS_READ,
    MAPPING_REGISTER,
    MAPPING_END,
    /**
     * The resident said a link is not them (My Portal, caller portal-gateway): the mapping is suspended and a review
     * opened for the provider (provider_key = the provider).
     */
    LINK_DISPUTED,
    /** An insurer administrator listed their insurer's members: one row per member shown (provider_key = insurer). */
    MEMBERS_READ,
    RESOLVE,
    REVERSE_RESOLVE,
    CARDS_READ,
    CARD_REGISTER,
    CARD_STATUS_READ,
    CARD_STATUS_CHANGE,
    /** A card login's one question: is this card active, and is it this person's (auth-service). */
    CARD_LOGIN_CHECK,
    ACCESS_LOG_READ,
    /** A pairwise token for a provider, with the provider's own ID for the person (auth-service's release). */
    TOKEN_ISSUED,
    /** A SAML assertion for a provider, with the provider's own ID for the person as NameID (the same). */
    ASSERTION_ISSUED,
    /** A release refused because the person has not joined the provider or the provider has no ID for them. */
    RELEASE_REFUSED,
    /**
     * A reception desk checked the person (card or provisional SSN and date of birth): their insurers and the
     * hospital's own number for them, for an eligibility check at the insurer (auth-service's reception-check grant).
     */
    RECEPTION_CHECK,
    /** A reception check of an identified person refused: the card suspended, revoked or expired, or the like. */
    RECEPTION_CHECK_REFUSED,
    /** An insurer registered the end of the person's coverage there (a leaver pushed by insurer-adapters). */
    COVERAGE_LOST_REGISTERED,
    /** An insurer's joiner record was linked to the person because the five items agree (provider_key = insurer). */
    MEMBER_LINKED,
    /** An insurer (provider_key) was told the day the person's previous coverage at another insurer ended. */
    PREVIOUS_COVERAGE_SHARED,
    /** An insurer's joiner record found the person by provisional SSN but waits for a check (the five items differ). */
    LINK_REVIEW_OPENED,
    /** An insurer's administrator looked at the person's five items to check a link (acting_for = staff). */
    LINK_REVIEW_READ,
    /** An insurer's administrator decided a link review concerning the person (purpose names the decision). */
    LINK_REVIEW_DECIDED
}
