package org.sscard.auth.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.sscard.auth.login.LoginProfile;

/**
 * An unauthenticated browser at the authorization endpoint goes to the card login on the mTLS connector, for the
 * profile the requesting client logs in (resident unless the client says staff). The authorization request itself
 * was saved in the session just before; the card login returns to it.
 */
final class CardLoginEntryPoint implements AuthenticationEntryPoint {

    private final String cardLoginUrl;
    private final RegisteredClientRepository clients;

    CardLoginEntryPoint(String cardLoginUrl, RegisteredClientRepository clients) {
        this.cardLoginUrl =
                cardLoginUrl.endsWith("/") ? cardLoginUrl.substring(0, cardLoginUrl.length() - 1) : cardLoginUrl;
        this.clients = clients;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        LoginProfile profile = Optional.ofNullable(request.getParameter("client_id"))
                .map(clients::findByClientId)
                .map(client -> client.getClientSettings().<String>getSetting(RegisteredClients.LOGIN_PROFILE))
                .map(LoginProfile::valueOf)
                .orElse(LoginProfile.RESIDENT);
        response.sendRedirect(cardLoginUrl + "/login/card/" + profile.slug());
    }
}
