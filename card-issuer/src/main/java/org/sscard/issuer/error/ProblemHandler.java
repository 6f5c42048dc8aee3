package org.sscard.issuer.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.StandardProblemHandler;

/** The card issuer's one error mapping: every failure is a problem detail, never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IssuerException.class)
    ProblemDetail issuer(IssuerException e) {
        return e.error().problem(e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        log.error("database error", e);
        return CommonError.INTERNAL.problem("the card issuer could not complete the request");
    }
}
