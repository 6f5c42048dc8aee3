package org.sscard.hospital.web;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;
import org.sscard.common.web.StandardProblemHandler;
import org.sscard.hospital.importer.ImportRejectedException;
import org.sscard.hospital.importer.ImportTooLargeException;

/** The hospital portal's one advice: Spring MVC's errors, refused imports and an unavailable database. */
@RestControllerAdvice(basePackages = "org.sscard.hospital")
class ProblemHandler extends StandardProblemHandler {

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail problem = HospitalError.IMPORT_REJECTED.problem(e.getMessage());
        problem.setProperty("errors", e.report().errors());
        return problem;
    }

    @ExceptionHandler(ImportTooLargeException.class)
    ProblemDetail importTooLarge(ImportTooLargeException e) {
        ProblemDetail problem = HospitalError.IMPORT_TOO_LARGE.problem(e.getMessage());
        problem.setProperty("errors", e.report().errors());
        return problem;
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        return HospitalError.DATABASE_UNAVAILABLE.problem("nothing was answered (no access-log row, no data)");
    }

    enum HospitalError implements ErrorCode {
        IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The extract was rejected; nothing was loaded"),
        IMPORT_TOO_LARGE(
                HttpStatus.PAYLOAD_TOO_LARGE, "The extract is larger than an import may be; nothing was loaded"),
        DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

        private final ErrorDefinition definition;

        HospitalError(HttpStatus status, String title) {
            this.definition = new ErrorDefinition(status, title);
        }

        @Override
        public ErrorDefinition definition() {
            return definition;
        }
    }
}
