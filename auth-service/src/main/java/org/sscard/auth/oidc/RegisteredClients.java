package org.sscard.auth.oidc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.sscard.common.secret.ServiceSecrets;

/**
 * The registered clients, from configuration: confidential, authorization code with PKCE only, no consent page (the
 * platform's own portals), each bound to one login profile. Secrets are generated at first start into the data
 * directory, as the relay's are; private_key_jwt with service certificates replaces them later (issue 4).
 */
final class RegisteredClients {

    /** The client setting naming the {@link org.sscard.auth.login.LoginProfile} a client logs in. */
    static final String LOGIN_PROFILE = "sscard.login-profile";

    private RegisteredClients() {
    }

    static InMemoryRegisteredClientRepository from(Map<String, OidcProperties.Client> clients, Path dataDir,
                                                  PasswordEncoder secrets) {
        if (clients.isEmpty()) {
            throw new IllegalStateException("no OIDC clients configured (sscard.auth.oidc.clients)");
        }
        ServiceSecrets store = new ServiceSecrets(dataDir, "auth");
        List<RegisteredClient> registered = clients.entrySet().stream()
                .map(e -> client(e.getKey(), e.getValue(), secrets.encode(store.getOrCreate(e.getKey()))))
                .toList();
        return new InMemoryRegisteredClientRepository(registered);
    }

    private static RegisteredClient client(String id, OidcProperties.Client client, String encodedSecret) {
        return RegisteredClient.withId(id).clientId(id).clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .setting(LOGIN_PROFILE, client.loginProfile().name()).build())
                .tokenSettings(TokenSettings.builder().authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .accessTokenTimeToLive(Duration.ofMinutes(5)).build())
                .build();
    }
}
