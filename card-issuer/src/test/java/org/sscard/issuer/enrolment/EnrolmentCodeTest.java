package org.sscard.issuer.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * Enrolment codes: made by a city administrator for one person, stored as a hash, redeemed once without a token
 * (the code is the credential) for the CSR of the person's own token, which becomes that person's resident card.
 */
class EnrolmentCodeTest extends IssuerApiTest {

    private static final String CODES = "/api/v1/enrolment-codes";
    private static final String REDEEM = CODES + "/redeem";
    private static final String GROUPED = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}";

    @Test
    void aCityAdministratorMakesAThirtyMinuteCodeKeptOnlyAsItsHashAndOnRecord() {
        OperatorToken admin = cityAdmin();
        Person person = formerCardHolder();

        Response created = as(admin, "POST", CODES, Map.of("personId", person.id()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().path("code").asText();
        assertThat(code).matches(GROUPED);
        Instant expiresAt = Instant.parse(created.json().path("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expiresAt))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
        Map<String, Object> row = jdbc.sql("SELECT * FROM enrolment_code WHERE person_id = :person")
                .param("person", person.id())
                .query()
                .singleRow();
        assertThat(row.get("code_sha256")).isEqualTo(EnrolmentCode.sha256(code.replace("-", "")));
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(code.replace("-", "")));
        assertThat(row.get("operator_staff_id")).isEqualTo(admin.staffId());
        assertThat(row.get("used_at")).isNull();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM issuer_audit WHERE action = 'ENROLMENT_CODE' AND outcome = 'ACCEPTED'
                        AND holder_ref = :person AND operator_staff_id = :staff AND operator_role = 'CITY_ADMIN'""")
                        .param("person", person.id().toString())
                        .param("staff", admin.staffId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCodeCertifiesTheTokensKeyAsItsPersonsResidentCardOnlyOnce() throws Exception {
        Person person = formerCardHolder();
        Person someoneElse = formerCardHolder();
        String code = newCode(person);
        KeyPair keys = Certificates.keyPair("RSA", 2048);

        int attempts = attempts();
        // typed as read from paper: lower case, without dashes
        Response redeemed = redeem(code.replace("-", "").toLowerCase(Locale.ROOT), keys, "TOKEN-0001");
        assertThat(attempts())
                .as("a redemption that succeeds gives its slot back")
                .isEqualTo(attempts);

        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
        JsonNode card = redeemed.json();
        assertThat(card.path("cardSerial").asText()).isEqualTo("TOKEN-0001");
        X509Certificate certificate =
                Certificates.fromPem(card.path("certificatePem").asText());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(personalId(certificate)).isEqualTo(person.personalId()).isNotEqualTo(someoneElse.personalId());
        List<X509Certificate> chain = chain(card.path("chainPem").asText());
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        certificate.verify(chain.get(0).getPublicKey());
        JsonNode relayCards =
                relay("GET", "/api/v1/persons/" + person.id() + "/cards", null).json();
        assertThat(relayCards.findValuesAsText("cardSerial")).contains("TOKEN-0001");
        assertThat(relay("GET", "/api/v1/persons/" + someoneElse.id() + "/cards", null)
                        .json()
                        .findValuesAsText("cardSerial"))
                .doesNotContain("TOKEN-0001");
        assertThat(jdbc.sql("SELECT used_card_serial FROM enrolment_code WHERE person_id = :person")
                        .param("person", person.id())
                        .query(String.class)
                        .single())
                .isEqualTo("TOKEN-0001");

        Response again = redeem(code, Certificates.keyPair("RSA", 2048), "TOKEN-0002");
        assertThat(again.status()).isEqualTo(400);
        assertThat(attempts()).as("a failed one keeps it").isEqualTo(attempts + 1);
        assertThat(again.problemCode()).isEqualTo("ENROLMENT_CODE_INVALID");
    }

    @Test
    void unknownMistypedAndExpiredCodesGetOneAndTheSameAnswer() throws Exception {
        Person person = formerCardHolder();
        String expired = newCode(person);
        jdbc.sql("""
                        UPDATE enrolment_code SET created_at = now() - interval '31 minutes',
                               expires_at = now() - interval '1 minute' WHERE person_id = :person""").param("person", person.id()).update();
        KeyPair keys = Certificates.keyPair("RSA", 2048);

        List<Response> refused = List.of(
                redeem(expired, keys, null),
                redeem("ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ", keys, null),
                redeem("not a code", keys, null),
                redeem(null, keys, null));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problemCode()).isEqualTo("ENROLMENT_CODE_INVALID");
            assertThat(response.json().path("detail").asText()).isEqualTo("unknown, used or expired enrolment code");
        });
        // each card's own status (its history, also in the answer, has statuses of its own)
        List<String> statuses = new java.util.ArrayList<>();
        relay("GET", "/api/v1/persons/" + person.id() + "/cards", null)
                .json()
                .forEach(card -> statuses.add(card.path("status").asText()));
        assertThat(statuses).isNotEmpty().containsOnly("REVOKED");
    }

    @Test
    void aRefusedRedemptionLeavesTheCodeUnused() throws Exception {
        Person person = formerCardHolder();
        String code = newCode(person);

        Response weakKey = redeem(code, Certificates.keyPair("RSA", 1024), null);
        Response noCsr = post(Map.of("code", code));

        assertThat(weakKey.problemCode()).isEqualTo("WRONG_KEY");
        assertThat(noCsr.problemCode()).isEqualTo("MALFORMED_CSR");
        assertThat(jdbc.sql("SELECT used_at IS NULL FROM enrolment_code WHERE person_id = :person")
                        .param("person", person.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(redeem(code, Certificates.keyPair("RSA", 2048), null).status())
                .isEqualTo(201);
    }

    @Test
    void aRedemptionCannotNameAnotherPerson() throws Exception {
        Person person = formerCardHolder();
        Person someoneElse = formerCardHolder();
        Map<String, Object> body = new HashMap<>(
                Map.of("code", newCode(person), "csr", Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=x")));
        body.put("personId", someoneElse.id());

        Response refused = post(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void onlyAnOperatorMakesCodesAndOnlyForAnActivePerson() {
        Person person = formerCardHolder();
        Response cityOffice = issuer("POST", CODES, Map.of("personId", person.id()));
        Response enrolClient = call(
                baseUrl() + CODES,
                "Bearer " + TOKENS.mint("enrol-only", "card-issuer"),
                "POST",
                Map.of("personId", person.id()));
        CITY_OFFICE.setPersonStatus(person.id(), "MOVED_OUT");
        Response movedOut = as(cityAdmin(), "POST", CODES, Map.of("personId", person.id()));

        assertThat(cityOffice.status()).isEqualTo(403);
        assertThat(enrolClient.status()).isEqualTo(403);
        assertThat(enrolClient.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(movedOut.status()).isEqualTo(409);
        assertThat(movedOut.problemCode()).isEqualTo("INACTIVE_SUBJECT");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment_code WHERE person_id = :person")
                        .param("person", person.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private String newCode(Person person) {
        Response created = as(cityAdmin(), "POST", CODES, Map.of("personId", person.id()));
        if (created.status() != 201) {
            throw new AssertionError("no enrolment code: " + created.body());
        }
        return created.json().path("code").asText();
    }

    private Response redeem(String code, KeyPair keys, String cardSerial) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("csr", Certificates.csr(keys, "CN=whatever"));
        if (cardSerial != null) {
            body.put("cardSerial", cardSerial);
        }
        return post(body);
    }

    /** Without a token: the code is the credential. */
    private Response post(Object body) {
        return call(baseUrl() + REDEEM, null, "POST", body);
    }

    private static String personalId(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER)[0]
                .getFirst()
                .getValue()
                .toString();
    }

    private static List<X509Certificate> chain(String pem) throws Exception {
        return java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(
                        new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .stream()
                .map(X509Certificate.class::cast)
                .toList();
    }

    private int attempts() {
        return jdbc.sql("SELECT count(*) FROM enrolment_redeem_attempt")
                .query(Integer.class)
                .single();
    }
}
