package org.sscard.auth.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * An operator-action refusal as the token endpoint's error response (RFC 6749 §5.2): {@code error} and
 * {@code error_description}, 400 — or 503 for {@code temporarily_unavailable}, so that the console and its proxies
 * see a failure worth retrying. Every other error goes to the next handler.
 */
final class OperatorErrorResponses implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler others;
    private final ObjectMapper json = new ObjectMapper();

    OperatorErrorResponses(AuthenticationFailureHandler others) {
        this.others = others;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (!(exception instanceof OperatorActionRefused refused)) {
            others.onAuthenticationFailure(request, response, exception);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refused.refusal().error());
        if (refused.getError().getDescription() != null) {
            body.put("error_description", refused.getError().getDescription());
        }
        response.setStatus(refused.refusal().status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }
}
