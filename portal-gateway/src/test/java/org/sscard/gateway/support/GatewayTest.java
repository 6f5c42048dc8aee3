package org.sscard.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestTokenIssuer;
import org.sscard.testsupport.pki.TestPki;

/**
 * The real gateway on a random port, against the real relay (child process on embedded PostgreSQL, its data
 * registered through its API; the gateway calls it directly with its own token) and the stand-in auth-server; one
 * context for all test classes. Breakers open after 3 calls and the provider time limit is 1 s, so that failure
 * behaviour shows in a few requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTest {

    protected static final RelayFixture RELAY = new RelayFixture(RelayProcess.get());
    protected static final StandInAuthServer AUTH = new StandInAuthServer(RELAY);
    private static final Path DATA_DIR = dataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", () -> TestTokenIssuer.get().issuer());
        registry.add("sscard.tokens.token-uri", () -> AUTH.url() + "/oauth2/token");
        registry.add("sscard.portal.auth-url", AUTH::url);
        registry.add("sscard.portal.relay-url", RELAY::baseUrl);
        registry.add("sscard.portal.provider-timeout", () -> "1s");
        registry.add("sscard.portal.probe-timeout", () -> "1s");
        registry.add("sscard.portal.breaker.window", () -> "4");
        registry.add("sscard.portal.breaker.minimum-calls", () -> "3");
        registry.add("sscard.portal.breaker.open-for", () -> "10m");
        registry.add("sscard.log-format", () -> "");
        registry.add("logging.structured.format.console", () -> "");
    }

    protected Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    private static Path dataDir() {
        try {
            Path dir = Files.createTempDirectory("sscard-gateway-test");
            // the gateway's service-client credentials, where the card issuer writes them
            Path clients = ServiceCredentials.directory(dir);
            try (TestPki pki = TestPki.create()) {
                pki.serviceClient("portal-gateway")
                        .issue()
                        .writePem(clients.resolve("portal-gateway.crt"), clients.resolve("portal-gateway.key"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
