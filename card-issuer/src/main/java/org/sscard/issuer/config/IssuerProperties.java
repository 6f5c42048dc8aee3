package org.sscard.issuer.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The issuer's service-level settings: data directory, relay, and which clients may call the API. */
@ConfigurationProperties("sscard")
@Validated
public record IssuerProperties(
        @NotNull Path dataDir,
        @NotNull URI relayUrl,
        @NotEmpty Map<String, Set<IssuerAuthority>> issuerClients) {

    /** What a client of the issuer API may do. */
    public enum IssuerAuthority implements org.springframework.security.core.GrantedAuthority {
        ISSUE,
        REVOKE,
        READ;

        @Override
        public String getAuthority() {
            return name();
        }
    }
}
