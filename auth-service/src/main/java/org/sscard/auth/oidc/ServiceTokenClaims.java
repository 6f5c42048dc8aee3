package org.sscard.auth.oidc;

import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.sscard.common.token.ServiceTokenVerification;

/**
 * A client-credentials access token is addressed to the services it was asked for: {@code aud} = the granted
 * scopes that are services this client may call (never the client itself), with {@code client_id} beside
 * {@code sub} and the grant marked ({@code gty}), so that no person's token is ever taken for a client's. A resource
 * server accepts only tokens naming it.
 */
final class ServiceTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<String> permitted =
                context.getRegisteredClient().getClientSettings().getSetting(RegisteredClients.AUDIENCES);
        List<String> audiences = context.getAuthorizedScopes().stream()
                .filter(scope -> permitted != null && permitted.contains(scope))
                .sorted()
                .toList();
        context.getClaims()
                .audience(audiences)
                .claim("client_id", context.getRegisteredClient().getClientId())
                .claim(ServiceTokenVerification.GRANT_TYPE_CLAIM, ServiceTokenVerification.CLIENT_CREDENTIALS);
    }
}
