package org.sscard.auth.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.sscard.auth.login.LoginProfile;

/**
 * The OIDC provider: its issuer URL, where its signing key lives ({@code FILE}: generated at first start into
 * {@code <data-dir>/secrets/auth/oidc-signing-key.json}; {@code MEMORY}: a new key per start), its registered
 * clients, each logging in one profile of card holders, and its service clients (client credentials), each with the
 * services it may ask tokens for. Every client authenticates with {@code private_key_jwt} and its service-client
 * certificate; there are no client secrets.
 */
@ConfigurationProperties("sscard.auth.oidc")
public record OidcProperties(
        String issuer,
        SigningKeyStore signingKey,
        Map<String, Client> clients,
        Map<String, List<String>> serviceClients,
        java.time.Duration keyRotation) {

    public OidcProperties {
        keyRotation = keyRotation == null ? java.time.Duration.ofDays(30) : keyRotation;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    public enum SigningKeyStore {
        FILE,
        MEMORY
    }

    /**
     * A client of the authorization-code flow (with PKCE). {@code staffDelegation}: a resident who logs in through
     * this client may name the staff member at the desk, who may then act for them (see {@code CardTokenClaims}).
     * {@code publicClient}: a native app (RFC 8252) that keeps no key: no client authentication, the code flow only,
     * a loopback redirect URI on any port. {@code refreshTokenTimeToLive}: refresh tokens of that lifetime, each used
     * once (none if null; never for a public client). {@code receptionCheck}: may use the reception-check grant.
     * {@code operatorAction}: may use the operator-action grant (a staff client's, never a public one's).
     */
    public record Client(
            LoginProfile loginProfile,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            List<String> scopes,
            boolean staffDelegation,
            boolean publicClient,
            java.time.Duration refreshTokenTimeToLive,
            boolean receptionCheck,
            boolean operatorAction) {

        public Client {
            loginProfile = loginProfile == null ? LoginProfile.RESIDENT : loginProfile;
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
