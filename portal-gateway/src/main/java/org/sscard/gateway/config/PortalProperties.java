package org.sscard.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.tls.PlatformTrust;

/**
 * The portal gateway's settings. {@code authUrl}: auth-service as the browser reaches it (authorize, logout, SAML
 * IdP-initiated SSO); {@code relayUrl}: the relay API; {@code dataDir}: the platform's data directory (the CA root
 * and this client's service certificate). Timeouts are per provider call; {@code probeTimeout} is the short one My
 * Portal waits for a tile's summary.
 */
@Validated
@ConfigurationProperties("sscard.portal")
public record PortalProperties(
        @NotNull URI authUrl,
        @NotNull URI relayUrl,
        @NotNull Path dataDir,
        Duration providerTimeout,
        Duration probeTimeout,
        Duration tokenMargin,
        Duration registryTtl,
        Duration idleWarning,
        @NotNull Support support) {

    public PortalProperties {
        providerTimeout = providerTimeout == null ? Duration.ofSeconds(10) : providerTimeout;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(2) : probeTimeout;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(30) : tokenMargin;
        registryTtl = registryTtl == null ? Duration.ofSeconds(60) : registryTtl;
        idleWarning = idleWarning == null ? Duration.ofMinutes(2) : idleWarning;
    }

    /** The support line shown on every error page and in the footer. */
    public record Support(
            @NotBlank String phone,
            @NotBlank String hoursJa,
            @NotBlank String hoursEn) {}

    public String authBase() {
        return authUrl.toString().replaceAll("/+$", "");
    }

    public Path caRoot() {
        return PlatformTrust.caRoot(dataDir);
    }
}
