package org.sscard.relay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * Base of the relay's API tests: one Spring context and one real PostgreSQL database for all subclasses, talked
 * to over real HTTP with bearer tokens from a stand-in token issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class RelayApiTest {

    private static final String DATABASE = TestPostgres.createDatabase("relay");
    protected static final Path DATA_DIR = tempDir();
    /** Stands in for auth-service: the relay trusts its JWKS. */
    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.get();

    private static final AtomicLong SSN =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1, 800_000_000_000L));

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void relayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", TOKENS::issuer);
    }

    /** An HTTP client authenticated as the given service client (a token addressed to the relay). */
    protected Api as(String client) {
        return new Api("http://localhost:" + port, "Bearer " + TOKENS.mint(client, "relay-db-service"));
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port, null);
    }

    protected Api city() {
        return as("city-office");
    }

    /** A fresh random personal ID (Kamogawa) for a new person. */
    protected static String newPersonalId() {
        return PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA).digits();
    }

    protected static String newProvisionalSsn() {
        return String.format("%012d", SSN.incrementAndGet());
    }

    protected static Map<String, Object> personBody(String personalId, String ssn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personalId", personalId);
        body.put("nameKana", "かもがわ　はなこ");
        body.put("nameKanji", "鴨川 花子");
        body.put("dateOfBirth", "1958-04-12");
        body.put("sex", "FEMALE");
        body.put("provisionalSsn", ssn);
        return body;
    }

    /** Registers a new person through the API and returns their opaque ID. */
    protected String createPerson() {
        Api.Response created = city().post("/api/v1/persons", personBody(newPersonalId(), newProvisionalSsn()));
        if (created.status() != 201) {
            throw new AssertionError("person not created: " + created.body());
        }
        return created.json().path("id").asText();
    }

    protected int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sscard-relay-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
