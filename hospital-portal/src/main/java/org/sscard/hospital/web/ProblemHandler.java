package org.sscard.hospital.web;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.Problems;
import org.sscard.common.web.StandardProblemHandler;
import org.sscard.hospital.importer.ImportRejectedException;

/** The hospital portal's one advice: Spring MVC's errors, refused imports and an unavailable database. */
@RestControllerAdvice(basePackages = "org.sscard.hospital")
class ProblemHandler extends StandardProblemHandler {

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail problem = Problems.of(HospitalError.IMPORT_REJECTED, e.getMessage());
        problem.setProperty("errors", e.report().errors());
        return problem;
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        return Problems.of(HospitalError.DATABASE_UNAVAILABLE, "nothing was answered (no access-log row, no data)");
    }

    enum HospitalError implements ErrorCode {
        IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The extract was rejected; nothing was loaded"),
        DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

        private final HttpStatus status;
        private final String title;

        HospitalError(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        @Override
        public HttpStatus status() {
            return status;
        }

        @Override
        public String title() {
            return title;
        }
    }
}
