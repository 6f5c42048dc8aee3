package org.sscard.common.web;

import org.springframework.http.HttpStatus;

/** The errors every servlet service shares; each service adds its own domain errors in its own enum. */
public enum CommonError implements ErrorCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request is malformed"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "A field is invalid"),
    MALFORMED_PERSONAL_ID(HttpStatus.BAD_REQUEST, "The personal ID is malformed"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "This caller may not do this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final ErrorDefinition definition;

    CommonError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
