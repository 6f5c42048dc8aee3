package org.sscard.common.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sscard.common.id.InvalidPersonalIdException;

/**
 * The mappings every servlet service needs, from Spring MVC's exceptions to problem details. Each service's one
 * {@code @RestControllerAdvice} extends this and adds its own domain exception.
 */
public abstract class StandardProblemHandler {

    @ExceptionHandler(InvalidPersonalIdException.class)
    ProblemDetail personalId(InvalidPersonalIdException e) {
        ProblemDetail problem =
                CommonError.MALFORMED_PERSONAL_ID.problem(e.error().message());
        problem.setProperty("reason", e.error().name());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = CommonError.INVALID_FIELD.problem(
                errors.size() == 1
                        ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                        : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        return CommonError.INVALID_FIELD.problem("a parameter is invalid");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return CommonError.MALFORMED_REQUEST.problem(
                "the body is not valid JSON for this request (unknown field, wrong type or unknown value)");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return CommonError.MALFORMED_REQUEST.problem("'" + e.getName() + "' has the wrong format");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ProblemDetail missing(Exception e) {
        return CommonError.MALFORMED_REQUEST.problem(e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return CommonError.METHOD_NOT_ALLOWED.problem(e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return CommonError.UNSUPPORTED_MEDIA_TYPE.problem("this API accepts application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return CommonError.NOT_FOUND.problem("no such path");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return CommonError.FORBIDDEN.problem("this client is not allowed to do this");
    }
}
