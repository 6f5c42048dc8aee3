package org.sscard.issuer.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the CA makes for the platform on first start: TLS server certificates for its services, service-client
 * certificates for the clients of the token endpoint (private_key_jwt) and, in the demo,
 * soft cards for the demo residents and staff (PINs are demo values, listed in the README). A server certificate
 * names {@code host} (every service's, default {@code localhost}) and the service's own entry in {@code hosts}
 * (e.g. {@code portal-gateway: portal.localhost}): each service has an origin of its own.
 */
@ConfigurationProperties("sscard.issuer.bootstrap")
@Validated
public record BootstrapProperties(
        @DefaultValue("true") boolean serverCertificates,

        @DefaultValue({
            "relay-db-service",
            "card-issuer",
            "auth-service",
            "insurer-adapters",
            "portal-gateway",
            "hospital-portal",
            "reception-desk",
            "operator-console"
        })
        List<@Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> services,

        @DefaultValue({
            "card-issuer",
            "portal-gateway",
            "insurer-adapters",
            "hospital-portal",
            "reception-desk",
            "operator-console",
            "city-office",
            "kameda-kenpo-admin",
            "pension-office-admin"
        })
        List<@Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> serviceClients,

        @DefaultValue("localhost") String host,
        Map<String, @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?") String> hosts,
        @DefaultValue List<@Valid DemoCard> demoCards) {

    /**
     * A demo card: whose (the relay's name in kanji), the file in data/demo/cards, and its PIN; {@code suspended}
     * puts it on hold once issued (the demo's "reported lost" card).
     */
    public record DemoCard(
            @NotBlank String name,
            @Pattern(regexp = "[a-z0-9-]{1,40}\\.p12") String file,
            @Pattern(regexp = "\\d{4,16}") String pin,
            @Pattern(regexp = "resident-card|staff-[a-z-]+") String profile,
            String organisation,
            boolean suspended) {}

    public BootstrapProperties {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
    }

    /** The DNS names of a service's TLS certificate: its own host first, then the shared one. */
    public List<String> dnsNames(String service) {
        String own = hosts.get(service);
        return own == null || own.equalsIgnoreCase(host) ? List.of(host) : List.of(own, host);
    }
}
