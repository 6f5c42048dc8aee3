package org.sscard.auth.reception;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The token endpoint's error responses: every other grant's as Spring writes them; a reception check's with its own
 * status ({@code temporarily_unavailable} is 503, so that the desk and its proxies see a retryable failure) and
 * its extra members ({@code no_coverage} names the hospital's patient number when there is one).
 */
final class ReceptionErrorResponses implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler others = new OAuth2ErrorAuthenticationFailureHandler();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (!(exception instanceof ReceptionRefusal refusal)) {
            others.onAuthenticationFailure(request, response, exception);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.error().code());
        if (refusal.getError().getDescription() != null) {
            body.put("error_description", refusal.getError().getDescription());
        }
        refusal.parameters().forEach(body::putIfAbsent);
        response.setStatus(refusal.error().status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }
}
