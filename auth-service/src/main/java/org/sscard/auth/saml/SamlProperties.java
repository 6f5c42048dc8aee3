package org.sscard.auth.saml;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SAML IdP: its entity ID, the public URL its endpoints are published under, where its signing key lives
 * ({@code FILE}: generated at first start into {@code <data-dir>/secrets/auth/}; {@code MEMORY}: a new key per
 * start, for tests), how long an assertion is good for, how old an AuthnRequest may be, the clock skew allowed,
 * the page a browser ends on after a logout an SP started (My Portal's "remove your card"), and how long the IdP
 * waits for each SP's answer to a back-channel LogoutRequest.
 */
@ConfigurationProperties("sscard.auth.saml")
record SamlProperties(
        String entityId,
        URI publicUrl,
        @DefaultValue("file") SigningKeyStore signingKey,
        @DefaultValue("5m") Duration assertionLifetime,
        @DefaultValue("5m") Duration requestMaxAge,
        @DefaultValue("2m") Duration clockSkew,
        URI loggedOutUrl,
        @DefaultValue("3s") Duration logoutTimeout) {

    enum SigningKeyStore {
        FILE,
        MEMORY
    }

    /** Where SPs send AuthnRequests (both bindings). */
    String ssoUrl() {
        return url(SamlPaths.SSO);
    }

    String url(String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }
}
