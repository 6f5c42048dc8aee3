package org.sscard.auth.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.operator.OperatorAction;
import org.sscard.auth.reception.ReceptionCheck;

/**
 * The registered clients, from configuration. Every one but a native app is confidential and authenticates with
 * {@code private_key_jwt} (its service-client certificate in the assertion, see auth.client). An OIDC client gets
 * the authorization-code flow with PKCE only and no consent page (the platform's own portals), bound to one login
 * profile; a service client gets client credentials, its scopes being the services it may call (each token's
 * audience). A client can be both (the portal gateway logs people in and reads the relay). A public client (the
 * reception CLI) authenticates with nothing but PKCE and gets the code flow alone: no refresh tokens, no exchange,
 * no client credentials, no reception check. The operators' console (staff, confidential) alone gets the operator-action
 * grant.
 */
final class RegisteredClients {

    /** The client setting naming the {@link org.sscard.auth.login.LoginProfile} a client logs in. */
    static final String LOGIN_PROFILE = "sscard.login-profile";
    /** The client setting listing the services a client-credentials token of this client may be addressed to. */
    static final String AUDIENCES = "sscard.audiences";
    /** The client setting allowing a resident's login through this client to let a named staff member act. */
    static final String STAFF_DELEGATION = "sscard.staff-delegation";

    private RegisteredClients() {}

    static InMemoryRegisteredClientRepository from(
            Map<String, OidcProperties.Client> clients, Map<String, List<String>> serviceClients) {
        if (clients.isEmpty()) {
            throw new IllegalStateException("no OIDC clients configured (sscard.auth.oidc.clients)");
        }
        Set<String> ids = new TreeSet<>(clients.keySet());
        ids.addAll(serviceClients.keySet());
        return new InMemoryRegisteredClientRepository(ids.stream()
                .map(id -> client(id, clients.get(id), serviceClients.get(id)))
                .toList());
    }

    private static RegisteredClient client(String id, OidcProperties.Client oidc, List<String> audiences) {
        boolean publicClient = oidc != null && oidc.publicClient();
        if (publicClient && audiences != null && !audiences.isEmpty()) {
            throw new IllegalStateException(id + " is a public client and cannot use client credentials");
        }
        ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
        TokenSettings.Builder tokens = TokenSettings.builder()
                .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                .accessTokenTimeToLive(Duration.ofMinutes(5));
        RegisteredClient.Builder client = RegisteredClient.withId(id).clientId(id);
        if (publicClient) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
            settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256);
        }
        if (oidc != null) {
            client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE);
            if (!publicClient && oidc.loginProfile() == LoginProfile.RESIDENT) {
                // the resident's token for a provider's pairwise one (auth.pairwise); a staff token is never one
                client.authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE);
            }
            if (!publicClient && oidc.refreshTokenTimeToLive() != null) {
                client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
                tokens.refreshTokenTimeToLive(oidc.refreshTokenTimeToLive()).reuseRefreshTokens(false);
            }
            if (!publicClient && oidc.receptionCheck()) {
                client.authorizationGrantType(ReceptionCheck.GRANT_TYPE);
                settings.setting(ReceptionCheck.CLIENT_SETTING, true);
            }
            if (oidc.operatorAction()) {
                requireOperatorClient(id, oidc);
                client.authorizationGrantType(OperatorAction.GRANT_TYPE);
                settings.setting(OperatorAction.CLIENT_SETTING, true);
            }
            client.redirectUris(uris -> uris.addAll(oidc.redirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(oidc.postLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scopes(scopes -> scopes.addAll(oidc.scopes()));
            settings.requireProofKey(true)
                    .setting(LOGIN_PROFILE, oidc.loginProfile().name())
                    .setting(STAFF_DELEGATION, oidc.staffDelegation() && oidc.loginProfile() == LoginProfile.RESIDENT);
        }
        if (audiences != null && !audiences.isEmpty()) {
            client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(audiences));
            settings.setting(AUDIENCES, List.copyOf(audiences));
        }
        return client.clientSettings(settings.build())
                .tokenSettings(tokens.build())
                .build();
    }

    /**
     * The operator-action grant acts for the staff member who logged in to the client: so the client logs staff in
     * and keeps a key (a console in a browser cannot). Anything else is a configuration mistake, refused at start.
     */
    private static void requireOperatorClient(String id, OidcProperties.Client oidc) {
        if (oidc.publicClient() || oidc.loginProfile() != LoginProfile.STAFF) {
            throw new IllegalStateException(
                    id + ": operator-action needs a confidential client of the staff login profile");
        }
    }
}
