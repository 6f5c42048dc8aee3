package org.sscard.desk.error;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;
import org.sscard.common.web.StandardProblemHandler;
import org.sscard.desk.check.ClerkLoginRejectedException;
import org.sscard.desk.check.InvalidCheckException;
import org.sscard.desk.ratelimit.RateLimitedException;

/**
 * The desk's one advice for its API: Spring MVC's errors, a check that cannot be asked (400), the clerk's token
 * refused by auth-service as the grant's actor (401), the rate limit (429 with Retry-After) and an unavailable
 * database. The pages handle their own (DeskController).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemHandler extends StandardProblemHandler {

    @ExceptionHandler(InvalidCheckException.class)
    ProblemDetail invalid(InvalidCheckException e) {
        ProblemDetail problem = CommonError.INVALID_FIELD.problem(e.field() + ": " + e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> limited(RateLimitedException e) {
        ProblemDetail problem = DeskError.TOO_MANY_CHECKS.problem("at most " + e.maxChecks() + " checks per clerk in "
                + e.window().toMinutes() + " minutes; the hospital administrator has been told");
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ClerkLoginRejectedException.class)
    ProblemDetail clerkRejected(ClerkLoginRejectedException e) {
        return DeskError.CLERK_TOKEN_REFUSED.problem(
                "auth-service no longer accepts this access token for a reception check; log in again");
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        return DeskError.DATABASE_UNAVAILABLE.problem("the check was not recorded, so it was not answered");
    }

    enum DeskError implements ErrorCode {
        TOO_MANY_CHECKS(HttpStatus.TOO_MANY_REQUESTS, "Too many checks by this clerk"),
        CLERK_TOKEN_REFUSED(HttpStatus.UNAUTHORIZED, "The clerk's login is no longer valid"),
        DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

        private final ErrorDefinition definition;

        DeskError(HttpStatus status, String title) {
            this.definition = new ErrorDefinition(status, title);
        }

        @Override
        public ErrorDefinition definition() {
            return definition;
        }
    }
}
