package org.sscard.issuer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * Operator tokens at the card issuer: a city administrator may do what the city office does, each act recorded with
 * the staff member's ID, role and organisation and passed on to the relay as {@code Sscard-Acting-For}; an insurer
 * administrator may do nothing here.
 */
class OperatorAccessTest extends IssuerApiTest {

    @Test
    void refusesAnInsurerAdministratorOnEveryIssuerEndpointAndRecordsTheRefusals() {
        OperatorToken admin = insurerAdmin("kameda-kenpo");
        Person person = newPerson();
        JsonNode card = newSoftCard("1234");
        String cardPath = "/api/v1/cards/" + card.path("cardSerial").asText();
        String certificatePath =
                "/api/v1/certificates/" + card.path("certificateSerial").asText();
        int certificates = countRows("issued_certificate");
        List<Response> responses = List.of(
                as(admin, "POST", "/api/v1/cards/soft", Map.of("personId", person.id(), "pin", "1234")),
                as(admin, "POST", "/api/v1/certificates", Map.of("profile", "resident-card", "csr", "x")),
                as(admin, "GET", certificatePath, null),
                as(admin, "GET", cardPath, null),
                as(admin, "POST", cardPath + "/suspend", null),
                as(admin, "POST", cardPath + "/resume", null),
                as(admin, "POST", cardPath + "/revoke", Map.of("reason", "keyCompromise")),
                as(admin, "POST", certificatePath + "/suspend", null),
                as(admin, "POST", certificatePath + "/resume", null),
                as(admin, "POST", certificatePath + "/revoke", Map.of("reason", "keyCompromise")),
                as(admin, "POST", cardPath + "/reissue", Map.of("pin", "1234", "reason", "damaged")),
                as(admin, "POST", "/api/v1/enrolment-codes", Map.of("personId", person.id())));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        });
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(issuer("GET", cardPath, null).json().path("status").asText()).isEqualTo("GOOD");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM issuer_audit WHERE action = 'DENIED' AND outcome = 'REFUSED'
                        AND operator_staff_id = :staff AND operator_role = 'INSURER_ADMIN'
                        AND operator_organisation = 'kameda-kenpo' AND actor = 'operator-console'""")
                        .param("staff", admin.staffId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(responses.size());
    }

    @Test
    void aCityAdministratorIssuesByOpaqueIdSuspendsResumesReissuesAndRevokesNamedInEveryRecord() throws Exception {
        OperatorToken admin = cityAdmin();
        Person person = formerCardHolder();

        Response issued = as(admin, "POST", "/api/v1/cards/soft", Map.of("personId", person.id(), "pin", "4321"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        X509Certificate certificate = (X509Certificate)
                Certificates.softCard(issued.json().path("pkcs12").asText(), "4321")
                        .getCertificate("sscard-card");
        assertThat(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                        .getRDNs(BCStyle.SERIALNUMBER)[0]
                        .getFirst()
                        .getValue()
                        .toString())
                .isEqualTo(person.personalId());
        String card = "/api/v1/cards/" + issued.json().path("cardSerial").asText();
        assertThat(as(admin, "GET", card, null).json().path("status").asText()).isEqualTo("GOOD");
        assertThat(as(admin, "POST", card + "/suspend", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ON_HOLD");
        assertThat(as(admin, "POST", card + "/resume", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("GOOD");

        Response reissued = as(admin, "POST", card + "/reissue", Map.of("pin", "5678", "reason", "カードの破損 / damaged"));
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        assertThat(as(admin, "GET", card, null).json().path("revocationReason").asText())
                .isEqualTo("superseded");
        String newCard = "/api/v1/cards/" + reissued.json().path("cardSerial").asText();
        Response revoked = as(admin, "POST", newCard + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");

        List<String> actions = jdbc.sql("""
                        SELECT action FROM issuer_audit WHERE operator_staff_id = :staff AND outcome = 'ACCEPTED'
                        AND operator_role = 'CITY_ADMIN' AND operator_organisation = 'city'
                        AND actor = 'operator-console' ORDER BY id""")
                .param("staff", admin.staffId())
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("ISSUE", "ON_HOLD", "RESUMED", "ISSUE", "REVOKED", "REISSUE", "REVOKED");
        assertThat(jdbc.sql("SELECT reason FROM issuer_audit WHERE operator_staff_id = :staff AND action = 'REISSUE'")
                        .param("staff", admin.staffId())
                        .query(String.class)
                        .single())
                .contains("damaged");
        JsonNode relayLog = CITY_OFFICE.accessLog(person.id());
        List<String> actedFor = new java.util.ArrayList<>();
        relayLog.forEach(entry -> actedFor.add(entry.path("actingFor").asText()));
        assertThat(actedFor).contains("staff:" + admin.staffId());
    }

    @Test
    void aCityAdministratorsTokenFromAClientThatIsNoOperatorClientGetsNothing() {
        OperatorToken stranger = operator("city-office", "CITY_ADMIN", "city");

        Response response = as(stranger, "GET", "/api/v1/certificates/00", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aClientsOwnCallsNameNoOperator() {
        JsonNode card = newSoftCard("1234");

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM issuer_audit WHERE serial = :serial
                        AND (actor <> 'city-office' OR operator_staff_id IS NOT NULL)""")
                        .param("serial", card.path("certificateSerial").asText())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
