package org.sscard.auth.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.sscard.auth.login.LoginProfile;

/**
 * The OIDC provider: its issuer URL, where its signing key lives ({@code FILE}: generated at first start into
 * {@code <data-dir>/secrets/auth/oidc-signing-key.json}; {@code MEMORY}: a new key per start), and its registered
 * clients, each logging in one profile of card holders.
 */
@ConfigurationProperties("sscard.auth.oidc")
public record OidcProperties(String issuer, SigningKeyStore signingKey, Map<String, Client> clients) {

    public OidcProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    public enum SigningKeyStore { FILE, MEMORY }

    /** A confidential client (secret generated into {@code <data-dir>/secrets/auth/<client>.secret}). */
    public record Client(LoginProfile loginProfile, List<String> redirectUris, List<String> postLogoutRedirectUris,
                         List<String> scopes) {

        public Client {
            loginProfile = loginProfile == null ? LoginProfile.RESIDENT : loginProfile;
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
