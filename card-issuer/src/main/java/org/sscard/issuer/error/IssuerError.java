package org.sscard.issuer.error;

import org.springframework.http.HttpStatus;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;

/** The card issuer's own refusals, beside the common ones ({@link org.sscard.common.web.CommonError}). */
public enum IssuerError implements ErrorCode {
    MALFORMED_CSR(HttpStatus.BAD_REQUEST, "The certificate signing request cannot be read"),
    CSR_SIGNATURE_INVALID(HttpStatus.BAD_REQUEST, "The CSR's signature does not verify with its own key"),
    WRONG_KEY(HttpStatus.BAD_REQUEST, "The key type or size does not fit the profile"),
    WEAK_PIN(HttpStatus.BAD_REQUEST, "The PIN does not meet the rules"),
    UNKNOWN_PROFILE(HttpStatus.BAD_REQUEST, "No such certificate profile"),
    PLATFORM_IDENTITY(
            HttpStatus.FORBIDDEN,
            "Platform identities (TLS servers, service clients, the OCSP signer) are made by the platform's own"
                    + " bootstrap, never through the API"),
    UNKNOWN_SUBJECT(HttpStatus.NOT_FOUND, "The person or staff member is not registered in the relay"),
    UNKNOWN_CERTIFICATE(HttpStatus.NOT_FOUND, "No certificate or card with that serial"),
    INACTIVE_SUBJECT(HttpStatus.CONFLICT, "The person or staff member is not active"),
    SECOND_ACTIVE_CARD(HttpStatus.CONFLICT, "The holder already has an active card"),
    ALREADY_REVOKED(HttpStatus.CONFLICT, "The certificate is already revoked"),
    INVALID_STATE_CHANGE(HttpStatus.CONFLICT, "That change is not allowed in the certificate's current state"),
    REQUEST_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint reads"),
    // one answer for an unknown, used, expired or mistyped code: nothing tells them apart to whoever holds one
    ENROLMENT_CODE_INVALID(HttpStatus.BAD_REQUEST, "The enrolment code is not valid"),
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts from this address; try again later"),
    RELAY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The relay DB cannot be reached; nothing was issued"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final ErrorDefinition definition;

    IssuerError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
