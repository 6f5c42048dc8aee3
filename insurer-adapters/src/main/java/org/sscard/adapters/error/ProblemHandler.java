package org.sscard.adapters.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.StandardProblemHandler;

/** The service's one error mapping for its APIs: every failure is a problem detail, never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemHandler extends StandardProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(AdaptersException.class)
    ProblemDetail adapters(AdaptersException e) {
        return e.error().problem(e.getMessage());
    }

    @ExceptionHandler(ImportException.class)
    ProblemDetail importRefused(ImportException e) {
        return AdaptersError.IMPORT_REFUSED.problem(e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        log.error("database error", e);
        return CommonError.INTERNAL.problem("the provider could not complete the request");
    }
}
