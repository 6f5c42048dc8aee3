package org.sscard.auth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokens;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;
import org.sscard.testsupport.pki.CertificateBuilder;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * Base of the auth-service tests: the service in this JVM on real TLS (main connector and the card-login connector
 * with client certificates required), with the test PKI's root as the platform root, talking to the real relay
 * running as a child process (shared data directory), on a database of its own. One Spring context for every
 * subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(AuthServiceTest.StandInServiceTokens.class)
public abstract class AuthServiceTest {

    private static final Map<String, ServiceCredentials> CLIENT_CREDENTIALS = new ConcurrentHashMap<>();
    private static final AtomicInteger RELAY_CALLS = new AtomicInteger();

    protected static final RelayProcess RELAY = RelayProcess.get();
    protected static final RelayFixture CITY_OFFICE = new RelayFixture(RELAY);
    /** auth-service's relay: the real one, through a stand-in that may script the reception check. */
    protected static final RelayStandIn RELAY_STAND_IN = RelayStandIn.forwardingTo(RELAY.baseUrl());
    /** The reception desk's address as configured here: the refusal page of a staff card links to it. */
    protected static final String DESK_URL = "https://desk.test:8087";
    /** The {@code reception-desk} client's redirect URI (application.yml's client, at {@link #DESK_URL}). */
    protected static final String DESK_LOGIN_REDIRECT = DESK_URL + "/login/oauth2/code/sscard";
    /** The operators' console's address as configured here (application.yml's {@code operator-console} client). */
    protected static final String CONSOLE_URL = "https://console.test:8088";

    protected static final String CONSOLE_LOGIN_REDIRECT = CONSOLE_URL + "/login/oauth2/code/sscard";

    protected static final TestPki PKI = TestPki.create();
    protected static final int MAIN_PORT = freePort();
    protected static final int CARD_PORT = freePort();
    protected static final String MAIN = "https://localhost:" + MAIN_PORT;
    protected static final String CARD_LOGIN = "https://localhost:" + CARD_PORT;
    protected static final String RESIDENT_CLIENT = "test-portal";
    protected static final String STAFF_CLIENT = "test-staff-console";
    /** A resident client with staff delegation: a reception desk where the clerk may act for the patient. */
    protected static final String DESK_CLIENT = "test-reception-desk";
    /** A client of the client-credentials grant, allowed tokens for the relay. */
    protected static final String SERVICE_CLIENT = "test-service";

    protected static final String REDIRECT_URI = "https://client.test/callback";
    protected static final String LOGGED_OUT_URI = "https://client.test/logged-out";
    protected static final String SAML_IDP_ENTITY_ID = MAIN + "/saml/idp";
    /** The service's own database, fresh for the test JVM's one context (Flyway migrates it at start). */
    protected static final String DATABASE_URL = TestPostgres.createDatabase("auth");

    private static final Path[] SERVER = serverFiles();

    @DynamicPropertySource
    static void authProperties(DynamicPropertyRegistry registry) {
        registry.add("sscard.data-dir", () -> RELAY.dataDir().toString());
        registry.add("sscard.relay-url", RELAY_STAND_IN::baseUrl);
        registry.add("sscard.auth.card-login.desk-url", () -> DESK_URL);
        registry.add("sscard.auth.oidc.clients.reception-desk.redirect-uris[0]", () -> DESK_LOGIN_REDIRECT);
        registry.add("sscard.auth.oidc.clients.operator-console.redirect-uris[0]", () -> CONSOLE_LOGIN_REDIRECT);
        registry.add("sscard.auth.oidc.clients.operator-console.post-logout-redirect-uris[0]", () -> CONSOLE_URL + "/");
        registry.add("server.port", () -> MAIN_PORT);
        registry.add("sscard.auth.card-login.port", () -> CARD_PORT);
        registry.add("sscard.auth.card-login.public-url", () -> CARD_LOGIN);
        registry.add("server.ssl.bundle", () -> "sscard");
        registry.add("spring.ssl.bundle.pem.sscard.keystore.certificate", () -> "file:" + SERVER[0]);
        registry.add("spring.ssl.bundle.pem.sscard.keystore.private-key", () -> "file:" + SERVER[1]);
        registry.add("sscard.auth.oidc.issuer", () -> MAIN);
        registry.add("sscard.auth.oidc.signing-key", () -> "memory");
        registry.add("sscard.auth.card-login.rate-limit.capacity", () -> 1000);
        registry.add("sscard.auth.oidc.clients." + RESIDENT_CLIENT + ".login-profile", () -> "RESIDENT");
        registry.add("sscard.auth.oidc.clients." + RESIDENT_CLIENT + ".redirect-uris[0]", () -> REDIRECT_URI);
        registry.add(
                "sscard.auth.oidc.clients." + RESIDENT_CLIENT + ".post-logout-redirect-uris[0]", () -> LOGGED_OUT_URI);
        registry.add("sscard.auth.oidc.clients." + DESK_CLIENT + ".login-profile", () -> "RESIDENT");
        registry.add("sscard.auth.oidc.clients." + DESK_CLIENT + ".redirect-uris[0]", () -> REDIRECT_URI);
        registry.add("sscard.auth.oidc.clients." + DESK_CLIENT + ".staff-delegation", () -> "true");
        registry.add("sscard.auth.oidc.clients." + STAFF_CLIENT + ".login-profile", () -> "STAFF");
        registry.add("sscard.auth.oidc.clients." + STAFF_CLIENT + ".redirect-uris[0]", () -> REDIRECT_URI);
        registry.add("sscard.auth.oidc.service-clients." + SERVICE_CLIENT + "[0]", () -> "relay-db-service");
        registry.add("sscard.auth.saml.entity-id", () -> SAML_IDP_ENTITY_ID);
        registry.add("sscard.auth.saml.public-url", () -> MAIN);
        registry.add("sscard.auth.saml.signing-key", () -> "memory");
        registry.add("logging.structured.format.console", () -> "");
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** A service-client certificate of the test PKI for {@code clientId} (profile {@code service-client}). */
    protected static ServiceCredentials serviceClient(String clientId) {
        return credentials(clientId, PKI.serviceClient(clientId));
    }

    /** The certificate as {@code clientId}'s credentials, whatever it is (a test may make it wrong on purpose). */
    protected static ServiceCredentials credentials(String clientId, CertificateBuilder certificate) {
        Issued issued = certificate.issue();
        return new ServiceCredentials(clientId, issued.privateKey(), issued.chain());
    }

    /** The certificate as a card, trusting the test PKI's root. */
    protected static Card card(CertificateBuilder certificate) {
        return Card.of(certificate.issue(), PKI.root().certificate());
    }

    /** private_key_jwt form parameters for a registered client: a fresh assertion signed with its certificate. */
    protected static Map<String, String> clientAssertion(String clientId) {
        return clientAssertion(CLIENT_CREDENTIALS.computeIfAbsent(clientId, AuthServiceTest::serviceClient));
    }

    protected static Map<String, String> clientAssertion(ServiceCredentials credentials) {
        return ClientAssertions.parameters(credentials, URI.create(MAIN + "/oauth2/token"), Instant.now());
    }

    /**
     * The relay (a child process) trusts the stand-in token issuer, not this auth-service: so here auth-service's
     * relay calls carry the stand-in's tokens. LocalServiceTokensTest checks auth-service's own. Each relay call asks
     * for its {@code Authorization} header once ({@code RelayDirectory}), so the tokens asked for the relay count the
     * relay calls: {@link #relayCalls()}.
     */
    @TestConfiguration
    static class StandInServiceTokens {
        @Bean
        @Primary
        ServiceTokens standInServiceTokens() {
            ServiceTokens standIn = TestTokenIssuer.get().tokensFor("auth-service");
            return audience -> {
                if ("relay-db-service".equals(audience)) {
                    RELAY_CALLS.incrementAndGet();
                }
                return standIn.accessToken(audience);
            };
        }
    }

    /** How many calls auth-service has made to the relay so far (the tests run one at a time). */
    protected static int relayCalls() {
        return RELAY_CALLS.get();
    }

    /** The platform root where the services look for it, and this service's TLS chain and key beside it. */
    private static Path[] serverFiles() {
        PKI.writeTrustRoot(RELAY.dataDir());
        Path tls = RELAY.dataDir().resolve("tls");
        Path[] files = {tls.resolve("auth-service.crt"), tls.resolve("auth-service.key")};
        PKI.tlsServer("localhost").issue().writePem(files[0], files[1]);
        return files;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resident card for the personal ID, issued by the test PKI (profile {@code resident-card}). */
    protected static Card residentCard(String personalId) {
        return card(PKI.residentCard(personalId));
    }

    /** The same, registered in the relay as the person's active card. */
    protected static Card registeredResidentCard(String personalId, java.util.UUID person) {
        Card card = residentCard(personalId);
        CITY_OFFICE.registerCard("persons", person, card.certificate());
        return card;
    }
}
