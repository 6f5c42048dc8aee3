package org.sscard.hospital.saml;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A refused Response: 401 with a page in Japanese and English naming the reason code (also in the
 * {@code Sscard-Saml-Refusal} header), never the Response's content. The detail goes to the log only.
 */
@Component
public class SamlRefusalHandler implements AuthenticationFailureHandler {

    public static final String HEADER = "Sscard-Saml-Refusal";
    private static final Logger log = LoggerFactory.getLogger(SamlRefusalHandler.class);

    private final SpringTemplateEngine templates;

    SamlRefusalHandler(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        SamlRefusal refusal = exception instanceof Saml2AuthenticationException saml
                ? SamlRefusal.fromErrorCode(saml.getSaml2Error().getErrorCode())
                : SamlRefusal.INVALID_ASSERTION;
        log.warn("SAML response refused: {} ({})", refusal, exception.getMessage());
        render(response, refusal, HttpServletResponse.SC_UNAUTHORIZED);
    }

    void render(HttpServletResponse response, SamlRefusal refusal, int status) throws IOException {
        Context context = new Context();
        context.setVariable("refusal", refusal);
        response.setStatus(status);
        response.setHeader(HEADER, refusal.name());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write(templates.process("refused", context));
    }
}
