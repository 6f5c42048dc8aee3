package org.sscard.issuer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * Base of the card issuer's tests: the issuer in this JVM on its own real PostgreSQL database, talking to the real
 * relay-db-service running as a child process (shared data directory), both trusting a stand-in token issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class IssuerApiTest {

    protected static final RelayProcess RELAY = RelayProcess.get();
    /** Registers the people, staff and providers the tests need in the relay, as the city office. */
    protected static final RelayFixture CITY_OFFICE = new RelayFixture(RELAY);
    /** Stands in for auth-service: issues the tokens the issuer and the relay accept. */
    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.get();

    private static final String DATABASE = TestPostgres.createDatabase("issuer");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static HttpClient http;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void issuerProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", () -> RELAY.dataDir().toString());
        registry.add("sscard.relay-url", RELAY::baseUrl);
        registry.add("sscard.tokens.issuer", TOKENS::issuer);
        registry.add("sscard.issuer.ca.public-url", () -> "http://localhost:" + IssuerPort.publication());
        registry.add("sscard.issuer.publication.port", IssuerPort::publication);
        registry.add("server.port", IssuerPort::api);
        registry.add("logging.structured.format.console", () -> "");
    }

    /** The issuing API: TLS, with the certificate the CA made for itself. */
    protected String baseUrl() {
        return "https://localhost:" + IssuerPort.api();
    }

    /** What the CA publishes (CA certificates, CRLs, OCSP): plain HTTP, on a port of its own. */
    protected String publicationUrl() {
        return "http://localhost:" + IssuerPort.publication();
    }

    /** Calls the issuer API as the city office. */
    protected Response issuer(String method, String path, Object body) {
        return call(baseUrl() + path, "Bearer " + TOKENS.mint("city-office", "card-issuer"), method, body);
    }

    /** Calls the relay API as the city office (to register people and staff for the tests). */
    protected Response relay(String method, String path, Object body) {
        return call(RELAY.baseUrl() + path, RELAY.authorization("city-office"), method, body);
    }

    /** Registers a new active person in the relay; returns their personal ID. */
    protected String newResident() {
        return newPerson().personalId();
    }

    /** A person registered in the relay: their personal ID and the relay's opaque ID. */
    protected record Person(String personalId, UUID id) {}

    protected Person newPerson() {
        String personalId = RelayFixture.newPersonalId();
        return new Person(personalId, CITY_OFFICE.createPerson(personalId));
    }

    /**
     * A person whom the CA has certified before (a soft card issued and revoked by the city office), so that the CA
     * knows their personal ID from its own register when asked by opaque ID; no active card.
     */
    protected Person formerCardHolder() {
        Person person = newPerson();
        Response card = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", person.personalId(), "pin", "1234"));
        if (card.status() != 201) {
            throw new AssertionError("soft card not issued: " + card.body());
        }
        Response revoked = issuer(
                "POST",
                "/api/v1/cards/" + card.json().path("cardSerial").asText() + "/revoke",
                Map.of("reason", "cessationOfOperation"));
        if (revoked.status() != 200) {
            throw new AssertionError("card not revoked: " + revoked.body());
        }
        return person;
    }

    /** A staff member acting through the operators' console, and their operator token for the card issuer. */
    protected record OperatorToken(UUID staffId, String role, String organisation, String authorization) {}

    /** An operator token (grant operator-action) of {@code client} for a staff member of that role. */
    protected static OperatorToken operator(String client, String role, String organisation) {
        UUID staff = UUID.randomUUID();
        String token = TOKENS.mint(
                client,
                "card-issuer",
                claims -> claims.claim("gty", "operator-action")
                        .claim(
                                "act",
                                Map.of(
                                        "sub",
                                        staff.toString(),
                                        "role",
                                        role,
                                        "organisation",
                                        organisation,
                                        "name",
                                        "職員")));
        return new OperatorToken(staff, role, organisation, "Bearer " + token);
    }

    protected static OperatorToken cityAdmin() {
        return operator("operator-console", "CITY_ADMIN", "city");
    }

    protected static OperatorToken insurerAdmin(String insurer) {
        return operator("operator-console", "INSURER_ADMIN", insurer);
    }

    /** Calls the issuer API with an operator token. */
    protected Response as(OperatorToken operator, String method, String path, Object body) {
        return call(baseUrl() + path, operator.authorization(), method, body);
    }

    protected static Response call(String url, String authorization, String method, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)));
            }
            HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the platform CA's root only, as the services do; built once the issuer has written that root. */
    private static synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .sslContext(PlatformTrust.sslContext(PlatformTrust.caRoot(RELAY.dataDir())))
                    .build();
        }
        return http;
    }

    /** What the CA publishes to every relying party (no authentication). */
    protected PublicEndpoints published() {
        return new PublicEndpoints(publicationUrl());
    }

    /** Issues a resident soft card for a newly registered person; the JSON answer of {@code /api/v1/cards/soft}. */
    protected JsonNode newSoftCard(String pin) {
        Response issued = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", newResident(), "pin", pin));
        if (issued.status() != 201) {
            throw new AssertionError("soft card not issued: " + issued.body());
        }
        return issued.json();
    }

    protected int countRows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    protected int refusals() {
        return jdbc.sql("SELECT count(*) FROM issuer_audit WHERE outcome = 'REFUSED'")
                .query(Integer.class)
                .single();
    }

    protected static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status, body and content type; {@link #json()} parses, {@link #problemCode()} checks RFC 9457. */
    public record Response(int status, byte[] bytes, String contentType) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        public String problemCode() {
            if (!contentType.startsWith("application/problem+json")) {
                throw new AssertionError(
                        "expected a problem detail, got " + status + " " + contentType + ": " + body());
            }
            return json().path("code").asText();
        }
    }

    /**
     * The issuer's ports, fixed before the context starts: its CRL and OCSP URLs go into certificates, so they
     * must name the publication port the tests then fetch them from; the API has its own TLS port.
     */
    static final class IssuerPort {
        private static final int PUBLICATION = free();
        private static final int API = free();

        static int publication() {
            return PUBLICATION;
        }

        static int api() {
            return API;
        }

        private static int free() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
