package org.sscard.issuer.error;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sscard.common.id.InvalidPersonalIdException;

/** The card issuer's one error mapping: every failure is a problem detail, never a stack trace. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IssuerException.class)
    ProblemDetail issuer(IssuerException e) {
        return Problems.of(e.error(), e.getMessage());
    }

    @ExceptionHandler(InvalidPersonalIdException.class)
    ProblemDetail personalId(InvalidPersonalIdException e) {
        ProblemDetail problem = Problems.of(IssuerError.MALFORMED_PERSONAL_ID, e.error().message());
        problem.setProperty("reason", e.error().name());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(IssuerError.INVALID_FIELD, errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e) {
        return Problems.of(IssuerError.MALFORMED_REQUEST, "the request body or a parameter has the wrong form");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return Problems.of(IssuerError.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(IssuerError.UNSUPPORTED_MEDIA_TYPE, "send application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return Problems.of(IssuerError.NOT_FOUND, "no such path");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return Problems.of(IssuerError.FORBIDDEN, "this client is not allowed to do this");
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ProblemDetail database(Exception e) {
        log.error("database error", e);
        return Problems.of(IssuerError.INTERNAL, "the card issuer could not complete the request");
    }
}
