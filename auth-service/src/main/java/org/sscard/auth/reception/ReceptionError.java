package org.sscard.auth.reception;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The grant's error codes (RFC 6749 §5.2 responses): the desk tells the clerk what happened from the code alone.
 * Card and person refusals are the patient's situation; {@code temporarily_unavailable} (503) is the platform's,
 * and the desk then asks for the paper insurance card.
 */
enum ReceptionError {
    INVALID_REQUEST,
    INVALID_GRANT,
    UNAUTHORIZED_CLIENT,
    /** The insurer asked for is not the patient's, or does not let the clerk's hospital check. */
    INVALID_TARGET,
    CARD_REVOKED,
    CARD_SUSPENDED,
    CARD_EXPIRED,
    /** Not from the platform CA, not a resident card, not registered, or registered to someone else. */
    CARD_UNKNOWN,
    /** Unknown SSN and wrong date of birth alike: the answer must not tell which. */
    PERSON_NOT_MATCHED,
    NO_COVERAGE,
    TEMPORARILY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ReceptionError() {
        this(HttpStatus.BAD_REQUEST);
    }

    ReceptionError(HttpStatus status) {
        this.status = status;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    HttpStatus status() {
        return status;
    }
}
