package org.sscard.relay.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.StandardProblemHandler;

/** The relay's one error mapping: every failure becomes a problem detail, never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RelayException.class)
    ProblemDetail relay(RelayException e) {
        return e.error().problem(e.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // a race lost to a concurrent insert of the same unique value; the checks before the insert cover the rest
        log.warn("integrity violation: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return RelayError.INVALID_STATE_CHANGE.problem("the request conflicts with data written meanwhile");
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        log.error("database error", e);
        return CommonError.INTERNAL.problem("the relay could not complete the request");
    }
}
