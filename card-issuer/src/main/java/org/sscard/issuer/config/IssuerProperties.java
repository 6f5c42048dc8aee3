package org.sscard.issuer.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The issuer's service-level settings: data directory, relay, which clients may call the API and what each may do
 * ({@code issuerClients}), and which operator clients' operator tokens are taken ({@code issuerOperatorClients}) with
 * what each operator role may do ({@code issuerOperatorRoles}; a role not listed may do nothing).
 */
@ConfigurationProperties("sscard")
@Validated
public record IssuerProperties(
        @NotNull Path dataDir,
        @NotNull URI relayUrl,
        @NotEmpty Map<String, Set<IssuerAuthority>> issuerClients,
        Set<String> issuerOperatorClients,
        Map<String, Set<IssuerAuthority>> issuerOperatorRoles) {

    public IssuerProperties {
        issuerOperatorClients = issuerOperatorClients == null ? Set.of() : Set.copyOf(issuerOperatorClients);
        issuerOperatorRoles = issuerOperatorRoles == null ? Map.of() : Map.copyOf(issuerOperatorRoles);
    }

    /** What a client of the issuer API may do. */
    public enum IssuerAuthority implements org.springframework.security.core.GrantedAuthority {
        ISSUE,
        REVOKE,
        READ,
        /** Make an enrolment code with which a resident's token is certified at the counter. */
        ENROL;

        @Override
        public String getAuthority() {
            return name();
        }
    }
}
