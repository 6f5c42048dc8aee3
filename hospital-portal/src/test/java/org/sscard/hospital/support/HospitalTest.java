package org.sscard.hospital.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * Base of the hospital portal's tests: one Spring context on a real PostgreSQL, the SP pointed at a test IdP's
 * metadata file, bearer tokens from a stand-in token issuer, and no relay registration.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class HospitalTest {

    private static final String DATABASE = TestPostgres.createDatabase("hospital");
    protected static final TestIdp IDP = new TestIdp();
    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.get();
    protected static final Path DATA_DIR = tempDir();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void hospitalProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", TOKENS::issuer);
        registry.add("sscard.hospital.public-url", () -> "https://hospital.test");
        registry.add(
                "sscard.hospital.saml.idp-metadata",
                () -> IDP.metadataFile().toUri().toString());
        registry.add("sscard.hospital.saml.signing-key", () -> "MEMORY");
        registry.add("sscard.hospital.relay.register-metadata", () -> "false");
        registry.add("logging.structured.format.console", () -> "");
        // small, so that the limits' tests stay small (HospitalImportLimitsTest); every other extract is far below
        registry.add("sscard.hospital.import-limits.max-file-size", () -> "1MB");
        registry.add("sscard.hospital.import-limits.max-value-bytes", () -> "8192");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sscard-hospital-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
