package org.sscard.auth.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.sscard.auth.session.SessionLifetimeFilter;

/**
 * After an accepted card: a new session ID (no fixation), the security context in the session (shared by both
 * connectors through the one {@code __Host-SSCARD_AUTH} cookie), the login time for the absolute session limit, and the
 * browser sent back to the authorization request saved before the login.
 */
@Component
class CardLoginSession {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holders = SecurityContextHolder.getContextHolderStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler returnToSavedRequest =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final Clock clock;

    /**
     * {@code afterLogin}: where a card login that no application asked for ends (someone opened the card-login URL
     * directly): My Portal, the platform's entry for people, rather than the bare OIDC issuer.
     */
    CardLoginSession(@Value("${sscard.auth.card-login.default-target}") String afterLogin, Clock clock) {
        this.clock = clock;
        this.returnToSavedRequest.setDefaultTargetUrl(afterLogin);
    }

    void establish(CardAuthentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SessionLifetimeFilter.LOGGED_IN_AT, clock.instant());
        SecurityContext context = holders.createEmptyContext();
        context.setAuthentication(authentication);
        holders.setContext(context);
        contexts.saveContext(context, request, response);
        returnToSavedRequest.onAuthenticationSuccess(request, response, authentication);
    }
}
