package org.sscard.gateway.web;

import org.springframework.http.HttpStatus;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;

/** What the gateway answers with when it cannot give what was asked; each has a page and a problem detail. */
public enum GatewayError implements ErrorCode {
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Log in with your card"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "This request is not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_PROVIDER(HttpStatus.NOT_FOUND, "No such service provider"),
    NOT_JOINED(HttpStatus.FORBIDDEN, "You have not joined this service"),
    NOT_JOINABLE(HttpStatus.CONFLICT, "This service cannot be joined yet"),
    CHOICE_REFUSED(HttpStatus.CONFLICT, "This change could not be made"),
    LINK_NOT_FOUND(HttpStatus.NOT_FOUND, "This link is not among yours"),
    LINK_REMOVED(HttpStatus.CONFLICT, "This link has been removed already"),
    DEPENDANTS_REFUSED(HttpStatus.FORBIDDEN, "The insurer offers you no dependant verification"),
    PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable"),
    PROVIDER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time"),
    PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "The service had an error"),
    RELAY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The portal's directory is unavailable"),
    LOGIN_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The login service is unavailable"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request is malformed"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final ErrorDefinition definition;

    GatewayError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
