package org.sscard.desk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;
import org.sscard.testsupport.pki.TestPki;

/**
 * Base of the desk's Spring tests: one context on a real PostgreSQL, the API's bearer tokens from a stand-in token
 * issuer (its JWKS), the reception-check grant and the insurers from a {@link FakePlatform}, and the desk's own
 * service-client certificate where the card issuer writes it.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class DeskTest {

    public static final String HOSPITAL = "kameda-hospital";
    public static final int MAX_CHECKS = 5;

    private static final String DATABASE = TestPostgres.createDatabase("desk");
    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.get();
    protected static final FakePlatform PLATFORM = new FakePlatform();
    protected static final Path DATA_DIR = dataDir();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void deskProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", TOKENS::issuer);
        registry.add("sscard.tokens.token-uri", () -> PLATFORM.url() + "/oauth2/token");
        registry.add("sscard.desk.public-url", () -> "https://desk.test");
        registry.add("sscard.desk.auth-url", () -> "https://auth.test");
        registry.add("sscard.desk.adapters-url", PLATFORM::url);
        registry.add("sscard.desk.check.insurer-deadline", () -> "500ms");
        registry.add("sscard.desk.rate-limit.max-checks", () -> Integer.toString(MAX_CHECKS));
        registry.add("logging.structured.format.console", () -> "");
    }

    /** A staff access token of the desk program ({@code sscard-reception}) for a fresh clerk. */
    protected static String clerkToken(String clerk, String role) {
        return apiToken(clerk, role, "sscard-reception", claims -> {});
    }

    protected static String apiToken(
            String clerk, String role, String client, Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> change) {
        return TOKENS.mint(client, client, claims -> {
            claims.subject(clerk)
                    .claim("gty", null)
                    .claim("scope", null)
                    .claim("login_profile", "staff")
                    .claim("role", role)
                    .claim("organisation", HOSPITAL)
                    .claim("name", "受付 花子")
                    .claim("name_kana", "ウケツケ ハナコ");
            change.accept(claims);
        });
    }

    protected static String newClerk() {
        return UUID.randomUUID().toString();
    }

    private static Path dataDir() {
        try {
            Path dir = Files.createTempDirectory("sscard-desk-test");
            Path clients = ServiceCredentials.directory(dir);
            try (TestPki pki = TestPki.create()) {
                pki.serviceClient("reception-desk")
                        .issue()
                        .writePem(clients.resolve("reception-desk.crt"), clients.resolve("reception-desk.key"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
