package org.sscard.relay.security;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a service client, or an operator of a given role, may do at the relay. Every controller method requires
 * exactly one of these.
 */
public enum RelayAuthority implements GrantedAuthority {
    PROVIDER_READ,
    PROVIDER_WRITE,
    /** A SAML provider's own client registers its own SP metadata ({@code sscard.relay.saml-metadata-owners}). */
    SAML_METADATA_WRITE,
    PERSON_READ,
    PERSON_WRITE,
    PERSON_LOOKUP,
    /**
     * The card issuer reads a person's personal ID by the relay's opaque ID ({@code GET /api/v1/persons/{id}/personal-id}),
     * to certify it in a card an operator asked for by that opaque ID.
     */
    PERSONAL_ID_READ,
    LOOKUP_BY_SSN,
    STAFF_READ,
    STAFF_WRITE,
    MAPPING_READ,
    MAPPING_WRITE,
    /**
     * The resident says a link is not them (My Portal, {@code POST /api/v1/persons/{id}/links/{mappingId}/dispute}):
     * the mapping is suspended at once and waits for the provider's administrator. The gateway's only.
     */
    MAPPING_DISPUTE,
    RESOLVE,
    REVERSE_RESOLVE,
    CARD_READ,
    CARD_WRITE,
    /** auth-service's card login: the card and its holder in one answer ({@code POST /api/v1/cards/login-check}). */
    CARD_LOGIN_CHECK,
    SERVICES_READ,
    SUBSCRIPTION_WRITE,
    ACCESS_LOG_READ,
    /**
     * auth-service, before it issues a pairwise token or a SAML assertion: the subscription, the provider's ID and the
     * access-log row in one answer ({@code POST /api/v1/releases}).
     */
    RELEASE,
    /**
     * auth-service's reception-check grant: the clerk, the patient (card or provisional SSN and date of birth), the
     * insurer's ID and the hospital's patient number in one answer ({@code POST /api/v1/reception-checks}).
     */
    RECEPTION_CHECK,
    /**
     * An insurer administrator lists their own insurer's members ({@code GET /api/v1/providers/{key}/members}); only
     * with an operator token whose operator administers that provider ({@link Operators}).
     */
    MEMBER_READ,
    /**
     * insurer-adapters pushes an insurer's joiners and leavers ({@code POST /api/v1/linkage/inbox/{key}}), only for
     * the providers it is bound to ({@code client-providers}).
     */
    LINKAGE_PUBLISH,
    /** insurer-adapters pulls what the relay tells an insurer ({@code GET /api/v1/linkage/feed/{key}}), bound likewise. */
    LINKAGE_READ,
    /**
     * An insurer administrator works their own insurer's review queue and reads its linkage log ({@code
     * /api/v1/providers/{key}/link-reviews}, {@code /linkage-log}); only for the insurer their operator token names.
     */
    LINK_REVIEW;

    @Override
    public String getAuthority() {
        return name();
    }
}
