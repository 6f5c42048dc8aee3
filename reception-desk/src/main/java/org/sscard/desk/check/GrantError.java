package org.sscard.desk.check;

import java.util.Map;

/** The reception-check grant's error codes (RFC 6749 §5.2 {@code error}), and what the desk makes of each. */
enum GrantError {
    CARD_REVOKED("card_revoked"),
    CARD_SUSPENDED("card_suspended"),
    CARD_EXPIRED("card_expired"),
    CARD_UNKNOWN("card_unknown"),
    PERSON_NOT_MATCHED("person_not_matched"),
    NO_COVERAGE("no_coverage"),
    /** The clerk's own token is missing, expired, or not a reception role's. */
    INVALID_GRANT("invalid_grant"),
    /** This desk may not use the grant: a configuration error of the platform. */
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    /** The relay or the revocation status did not answer; also timeouts and unreachable auth-service. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    /** Anything else auth-service answered. */
    OTHER("");

    private static final Map<String, GrantError> BY_CODE = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> e.code, e -> e));

    private final String code;

    GrantError(String code) {
        this.code = code;
    }

    static GrantError of(String code) {
        return code == null ? OTHER : BY_CODE.getOrDefault(code, OTHER);
    }

    /** The desk's refusal for a card or person the platform refused, or null when this error is none of those. */
    Refusal refusal() {
        return switch (this) {
            case CARD_REVOKED -> Refusal.CARD_REVOKED;
            case CARD_SUSPENDED -> Refusal.CARD_SUSPENDED;
            case CARD_EXPIRED -> Refusal.CARD_EXPIRED;
            case CARD_UNKNOWN -> Refusal.CARD_UNKNOWN;
            case PERSON_NOT_MATCHED -> Refusal.NOT_MATCHED;
            default -> null;
        };
    }
}
