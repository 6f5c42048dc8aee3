package org.sscard.auth.oidc;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RP-initiated logout ends the login's tokens, then the session as Spring does ({@code logout}). Spring Authorization
 * Server ends only the session: the access and refresh tokens of the authorization the ID token hint names would stay
 * active in the store, and a client (or whoever holds them) could go on using them, e.g. as the actor token of a
 * reception check or an operator action. Here they are marked invalidated, so nothing that looks them up in the
 * store (the grants, refresh, revocation) takes them after the person logged out.
 */
final class LogoutEndsTokens implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(LogoutEndsTokens.class);
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
    private static final List<Class<? extends OAuth2Token>> ENDED =
            List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class);

    private final OAuth2AuthorizationService authorizations;
    private final AuthenticationSuccessHandler logout;

    LogoutEndsTokens(OAuth2AuthorizationService authorizations, AuthenticationSuccessHandler logout) {
        this.authorizations = authorizations;
        this.logout = logout;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication instanceof OidcLogoutAuthenticationToken logoutRequest
                && logoutRequest.getIdToken() != null) {
            OAuth2Authorization authorization =
                    authorizations.findByToken(logoutRequest.getIdToken().getTokenValue(), ID_TOKEN);
            if (authorization != null) {
                authorizations.save(invalidated(authorization));
                log.info("logout ended the tokens of authorization {}", authorization.getId());
            }
        }
        logout.onAuthenticationSuccess(request, response, authentication);
    }

    static OAuth2Authorization invalidated(OAuth2Authorization authorization) {
        OAuth2Authorization.Builder ended = OAuth2Authorization.from(authorization);
        for (Class<? extends OAuth2Token> type : ENDED) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null && !token.isInvalidated()) {
                ended.invalidate(token.getToken());
            }
        }
        return ended.build();
    }
}
