package org.sscard.relay.error;

import org.springframework.http.HttpStatus;

/** Every error the relay API answers with; the code is the problem type's last segment and a stable property. */
public enum RelayError {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request is malformed"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "A field is invalid"),
    MALFORMED_PERSONAL_ID(HttpStatus.BAD_REQUEST, "The personal ID is malformed"),
    INVALID_LOCAL_ID(HttpStatus.BAD_REQUEST, "The provider-specific ID does not fit the provider's ID scheme"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "This caller may not do this"),
    PERSON_NOT_FOUND(HttpStatus.NOT_FOUND, "No such person"),
    STAFF_NOT_FOUND(HttpStatus.NOT_FOUND, "No such staff member"),
    PROVIDER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such provider"),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "No such service"),
    MAPPING_NOT_FOUND(HttpStatus.NOT_FOUND, "No service-ID mapping"),
    CARD_NOT_FOUND(HttpStatus.NOT_FOUND, "No such card"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such subscription"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    DUPLICATE_PERSON(HttpStatus.CONFLICT, "The person is already registered"),
    DUPLICATE_PROVIDER(HttpStatus.CONFLICT, "The provider is already registered"),
    DUPLICATE_MAPPING(HttpStatus.CONFLICT, "The provider-specific ID is already mapped to another person"),
    OVERLAPPING_VALIDITY(HttpStatus.CONFLICT, "The person already has a mapping for this provider in that period"),
    DUPLICATE_CARD(HttpStatus.CONFLICT, "The card or certificate is already registered"),
    DUPLICATE_SUBSCRIPTION(HttpStatus.CONFLICT, "The person already subscribes to this service"),
    INVALID_STATE_CHANGE(HttpStatus.CONFLICT, "That status change is not allowed from the current status"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json"),
    AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The access could not be logged, so nothing is answered"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    RelayError(HttpStatus status, String title) {
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
