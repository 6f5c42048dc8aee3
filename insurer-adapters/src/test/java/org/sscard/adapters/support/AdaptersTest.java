package org.sscard.adapters.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;
import org.sscard.testsupport.pki.TestPki;

/**
 * Base of the service's tests: one Spring context on one real PostgreSQL database (embedded) for all subclasses,
 * tokens from a stand-in issuer on loopback, the relay's linkage endpoints from a stand-in relay (the pushers and
 * consumers run, as in the service). Tests use their own insured numbers so they never see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AdaptersTest {

    private static final String DATABASE = TestPostgres.createDatabase("providers");
    protected static final Path DATA_DIR = tempDir();
    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.get();
    /** The relay's linkage endpoints, stood in on loopback: every push is recorded, the feeds are the tests'. */
    protected static final FakeRelay RELAY = FakeRelay.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", TOKENS::issuer);
        registry.add("sscard.adapters.linkage.relay-url", RELAY::baseUrl);
    }

    protected long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (Object arg : args) {
            spec = spec.param(arg);
        }
        return spec.query(Long.class).single();
    }

    /** Writes CSV lines (joined by CRLF) to a temporary file in the charset given. */
    protected static Path csv(Charset charset, String... lines) {
        try {
            Path file = Files.createTempFile(DATA_DIR, "import", ".csv");
            Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With the service-client certificate of insurer-adapters, as the card issuer writes it at first start. */
    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("sscard-adapters-test");
            Path clients = ServiceCredentials.directory(dir);
            try (TestPki pki = TestPki.create()) {
                pki.serviceClient("insurer-adapters")
                        .issue()
                        .writePem(clients.resolve("insurer-adapters.crt"), clients.resolve("insurer-adapters.key"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
