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
    IMPORT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than an import may be; nothing was loaded"),
    NOT_INSURED(HttpStatus.FORBIDDEN, "Only the insured person answers the dependant verification"),
    NOTHING_TO_VERIFY(HttpStatus.CONFLICT, "The insured person has no dependants to verify"),
    ANSWERS_INVALID(HttpStatus.BAD_REQUEST, "Every current dependant must be answered exactly once"),
    ALREADY_SUBMITTED(HttpStatus.CONFLICT, "This fiscal year's verification was submitted already"),
    NO_VERIFICATION(HttpStatus.NOT_FOUND, "No such dependant verification at this insurer"),
    VERIFICATION_DECIDED(HttpStatus.CONFLICT, "This verification was decided already"),
    REASON_REQUIRED(HttpStatus.BAD_REQUEST, "Say why the verification is returned"),
    MEMBER_CHANGED(HttpStatus.CONFLICT, "A dependant's record changed since the submission; return it for new answers"),
    NO_MEMBER(HttpStatus.NOT_FOUND, "No such member at this insurer"),
    MEMBER_EXISTS(HttpStatus.CONFLICT, "A member with this insurer number, symbol, number and branch exists already"),
    LOSS_ALREADY_REGISTERED(HttpStatus.CONFLICT, "This loss of coverage is registered already (same date)"),
    INVALID_MEMBER(HttpStatus.BAD_REQUEST, "A value of the member is invalid");

    private final ErrorDefinition definition;

    AdaptersError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
