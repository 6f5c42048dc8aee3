package org.sscard.issuer.error;

import org.springframework.http.HttpStatus;

/** Every refusal of the card issuer, with its HTTP status; the code is the problem type's last segment. */
public enum IssuerError {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request is malformed"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "A field is invalid"),
    MALFORMED_PERSONAL_ID(HttpStatus.BAD_REQUEST, "The personal ID is malformed"),
    MALFORMED_CSR(HttpStatus.BAD_REQUEST, "The certificate signing request cannot be read"),
    CSR_SIGNATURE_INVALID(HttpStatus.BAD_REQUEST, "The CSR's signature does not verify with its own key"),
    WRONG_KEY(HttpStatus.BAD_REQUEST, "The key type or size does not fit the profile"),
    WEAK_PIN(HttpStatus.BAD_REQUEST, "The PIN does not meet the rules"),
    UNKNOWN_PROFILE(HttpStatus.BAD_REQUEST, "No such certificate profile"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "This caller may not do this"),
    UNKNOWN_SUBJECT(HttpStatus.NOT_FOUND, "The person or staff member is not registered in the relay"),
    UNKNOWN_CERTIFICATE(HttpStatus.NOT_FOUND, "No certificate or card with that serial"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    INACTIVE_SUBJECT(HttpStatus.CONFLICT, "The person or staff member is not active"),
    SECOND_ACTIVE_CARD(HttpStatus.CONFLICT, "The holder already has an active card"),
    ALREADY_REVOKED(HttpStatus.CONFLICT, "The certificate is already revoked"),
    INVALID_STATE_CHANGE(HttpStatus.CONFLICT, "That change is not allowed in the certificate's current state"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RELAY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The relay DB cannot be reached; nothing was issued"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    IssuerError(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
