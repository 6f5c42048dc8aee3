package org.sscard.launcher;

import java.util.List;

/**
 * One service of the platform as the launcher sees it. The launcher knows nothing about what a service does; it only
 * needs the jar's module name, the port, the database and how to present it to the user.
 *
 * @param module      Maven module, also the jar's name: {@code <module>/target/<module>.jar}
 * @param defaultPort port without {@code SSCARD_PORT_OFFSET}
 * @param database    database to create and hand over, or {@code null} for a service without one
 * @param urlVariable environment variable every child receives with this service's base URL, so that services find
 *                    each other even when the ports are shifted
 * @param title       what the user sees in the ready table
 * @param entryPath   path appended to the base URL in the ready table
 * @param tls         serves HTTPS with the certificate the card issuer made for it at first start
 * @param hostLabel   the first label of its own host name ({@code <label>.<domain>}, e.g. {@code portal.localhost}):
 *                    each service its own origin, so that no cookie or script of one reaches another
 */
record ServiceSpec(
        String module,
        int defaultPort,
        String database,
        String urlVariable,
        String title,
        String entryPath,
        boolean tls,
        String hostLabel) {

    static final ServiceSpec RELAY = new ServiceSpec(
            "relay-db-service",
            8081,
            "sscard_relay",
            "SSCARD_RELAY_URL",
            "Relay DB API (OpenAPI)",
            "/swagger-ui.html",
            true,
            "relay");
    /** Its issuing API, over TLS; what the CA publishes is on {@link #CA_PUBLICATION_PORT}, plain HTTP. */
    static final ServiceSpec CARD_ISSUER = new ServiceSpec(
            "card-issuer",
            8086,
            "sscard_issuer",
            "SSCARD_ISSUER_URL",
            "Card issuer API (OpenAPI)",
            "/swagger-ui.html",
            true,
            "issuer");

    static final ServiceSpec AUTH = new ServiceSpec(
            "auth-service", 8082, "sscard_auth", "SSCARD_AUTH_URL", "Auth service (login, IdP)", "/", true, "auth");
    static final ServiceSpec INSURER_ADAPTERS = new ServiceSpec(
            "insurer-adapters",
            8084,
            "sscard_providers",
            "SSCARD_ADAPTERS_URL",
            "Insurer adapters",
            "/",
            true,
            "insurers");
    static final ServiceSpec HOSPITAL_PORTAL = new ServiceSpec(
            "hospital-portal",
            8085,
            "sscard_hospital",
            "SSCARD_HOSPITAL_URL",
            "Hospital portal (SAML SP)",
            "/records",
            true,
            "hospital");
    static final ServiceSpec RECEPTION_DESK = new ServiceSpec(
            "reception-desk", 8087, "sscard_desk", "SSCARD_DESK_URL", "Reception desk (staff)", "/", true, "desk");
    static final ServiceSpec OPERATOR_CONSOLE = new ServiceSpec(
            "operator-console",
            8088,
            "sscard_console",
            "SSCARD_CONSOLE_URL",
            "Operators' console (staff)",
            "/",
            true,
            "console");
    static final ServiceSpec PORTAL_GATEWAY = new ServiceSpec(
            "portal-gateway", 8080, null, "SSCARD_PORTAL_URL", "My Portal (entry)", "/", true, "portal");

    /**
     * The CA first: it makes every other service's TLS certificate (and needs the relay only later, for the demo
     * cards, which it retries); then the relay, which everything else talks to; the portal last.
     */
    static final List<ServiceSpec> START_ORDER = List.of(
            CARD_ISSUER,
            RELAY,
            AUTH,
            INSURER_ADAPTERS,
            HOSPITAL_PORTAL,
            RECEPTION_DESK,
            OPERATOR_CONSOLE,
            PORTAL_GATEWAY);

    /** auth-service's second connector: the card login, TLS with the client certificate required. */
    static final int CARD_LOGIN_PORT = 8443;

    /**
     * The card issuer's second connector: CA certificates, CRLs and OCSP over plain HTTP (their URLs are inside every
     * certificate issued), and nothing else.
     */
    static final int CA_PUBLICATION_PORT = 8083;

    /** The card issuer makes its own TLS certificate at start (it is the CA); the others read theirs from files. */
    boolean makesOwnCertificate() {
        return module.equals("card-issuer");
    }

    /** The environment variable every child receives with this service's host name: {@code SSCARD_<X>_HOST}. */
    String hostVariable() {
        return urlVariable.replace("_URL", "_HOST");
    }

    boolean needsDatabase() {
        return database != null;
    }

    static ServiceSpec byModule(String module) {
        return START_ORDER.stream()
                .filter(spec -> spec.module().equals(module))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + module + "', known: "
                        + START_ORDER.stream().map(ServiceSpec::module).toList()));
    }
}
