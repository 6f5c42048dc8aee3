package org.sscard.adapters.error;

import org.springframework.http.HttpStatus;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;

/** This service's own errors, beside common's. */
public enum AdaptersError implements ErrorCode {
    UNKNOWN_PROVIDER(HttpStatus.NOT_FOUND, "No such provider here"),
    NOT_THIS_KIND(HttpStatus.NOT_FOUND, "This provider offers no such service"),
    NO_RECORD(HttpStatus.NOT_FOUND, "This provider holds no such record for the person"),
    IMPORT_REFUSED(HttpStatus.BAD_REQUEST, "The import cannot start"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The file has bad rows; nothing was loaded"),
    IMPORT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than an import may be; nothing was loaded");

    private final ErrorDefinition definition;

    AdaptersError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
