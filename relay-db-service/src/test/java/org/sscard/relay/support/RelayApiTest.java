package org.sscard.relay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
import org.sscard.common.operator.Operator;
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
    private static final AtomicLong CARD_NUMBER =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1, 800_000_000_000L));

    /** test-nhi's insurer number in application-test.yml. */
    protected static final String TEST_NHI_INSURER_NUMBER = "129999";

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

    /**
     * An HTTP client with an operator token (RFC 8693 act) as auth-service issues it to the operators' console for a
     * staff member: {@code sub} = {@code client_id} = the console, {@code gty} = operator-action, two minutes.
     */
    protected Api asOperator(StaffMember staff) {
        return asOperator("operator-console", staff);
    }

    /** The same, from another client (which the relay does not take operator tokens from). */
    protected Api asOperator(String client, StaffMember staff) {
        String token = TOKENS.mint(
                client,
                "relay-db-service",
                claims -> claims.claim("gty", Operator.GRANT_CLAIM_VALUE)
                        .claim("scope", null)
                        .expirationTime(
                                java.util.Date.from(java.time.Instant.now().plusSeconds(120)))
                        .claim(
                                "act",
                                Map.of(
                                        "sub", staff.id(),
                                        "role", staff.role(),
                                        "organisation", staff.organisation(),
                                        "name", "試験 職員")));
        return new Api("http://localhost:" + port, "Bearer " + token);
    }

    /** A city administrator with a fresh staff ID. */
    protected static StaffMember cityAdmin() {
        return new StaffMember(UUID.randomUUID().toString(), Operator.CITY_ADMIN, Operator.CITY);
    }

    /** An insurer administrator of {@code providerKey} with a fresh staff ID. */
    protected static StaffMember insurerAdmin(String providerKey) {
        return new StaffMember(UUID.randomUUID().toString(), Operator.INSURER_ADMIN, providerKey);
    }

    /** The staff member an operator token names; {@code actor()}: how the relay's registers write them. */
    public record StaffMember(String id, String role, String organisation) {
        public String actor() {
            return "staff:" + id;
        }
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

    /** Registers the provider's ID for the person from {@code validFrom} (as the city office); the mapping's ID. */
    protected String map(String person, String provider, Map<String, Object> localId, String validFrom) {
        Api.Response created = city().post(
                        "/api/v1/persons/" + person + "/mappings",
                        Map.of("providerKey", provider, "localId", localId, "validFrom", validFrom));
        if (created.status() != 201) {
            throw new AssertionError("mapping not created: " + created.body());
        }
        return created.json().path("id").asText();
    }

    /** A fresh insurance-card ID at test-nhi (insurer number 129999, as configured for it). */
    protected static Map<String, Object> insuranceCard() {
        return Map.of(
                "insurerNumber",
                TEST_NHI_INSURER_NUMBER,
                "symbol",
                "S",
                "number",
                Long.toString(CARD_NUMBER.incrementAndGet()),
                "branch",
                "00");
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
