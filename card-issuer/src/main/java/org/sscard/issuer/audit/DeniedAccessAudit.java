package org.sscard.issuer.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sscard.common.web.CommonError;

/**
 * A method's authority refused ({@code @PreAuthorize}): on the CA's record too, naming the client and, for an
 * operator token, the staff member, before the usual 403 problem. Only an authenticated caller gets this far (the
 * security chain answers everyone else 401), so nobody can fill the audit trail anonymously.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeniedAccessAudit {

    private final IssuerAudit audit;

    DeniedAccessAudit(IssuerAudit audit) {
        this.audit = audit;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(HttpServletRequest request) {
        audit.refused("DENIED", "FORBIDDEN: " + request.getMethod() + " " + request.getRequestURI(), null, null);
        return CommonError.FORBIDDEN.problem("this client is not allowed to do this");
    }
}
