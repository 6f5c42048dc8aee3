package org.sscard.issuer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.testsupport.RelayFixture;

/**
 * A city administrator's operator token reaches residents' cards only: never a staff member's card (issuing or
 * reissuing one would hand the operator another person's staff key) nor a platform certificate (TLS, client and OCSP
 * signer certificates share the register), and never a holder named otherwise than by the relay's opaque person ID.
 * The city office's own client keeps what it had.
 */
class OperatorScopeTest extends IssuerApiTest {

    @Test
    void refusesACityAdministratorEveryCertificateThatIsNotAResidentsCard() throws Exception {
        OperatorToken admin = cityAdmin();
        String hospital = RelayFixture.newKey("scope-hospital");
        CITY_OFFICE.ensureHospital(hospital);
        UUID clerk = CITY_OFFICE.createStaff(hospital, "RECEPTION_CLERK");
        Response staffCard = issuer(
                "POST",
                "/api/v1/cards/soft",
                Map.of("profile", "staff-reception-clerk", "staffId", clerk.toString(), "pin", "2580"));
        assertThat(staffCard.status()).as(staffCard.body()).isEqualTo(201);
        String staffCardPath =
                "/api/v1/cards/" + staffCard.json().path("cardSerial").asText();
        String staffCertificatePath = "/api/v1/certificates/"
                + staffCard.json().path("certificateSerial").asText();
        String platformCertificatePath = "/api/v1/certificates/"
                + jdbc.sql("SELECT serial FROM issued_certificate WHERE holder_type = 'PLATFORM' LIMIT 1")
                        .query(String.class)
                        .single();
        Person resident = newPerson();
        int certificates = countRows("issued_certificate");

        Map<String, Response> refused = new LinkedHashMap<>();
        UUID otherClerk = CITY_OFFICE.createStaff(hospital, "RECEPTION_CLERK");
        refused.put(
                "a staff card",
                as(
                        admin,
                        "POST",
                        "/api/v1/cards/soft",
                        Map.of("profile", "staff-reception-clerk", "staffId", otherClerk.toString(), "pin", "1234")));
        refused.put(
                "a resident by personal ID",
                as(admin, "POST", "/api/v1/cards/soft", Map.of("personalId", resident.personalId(), "pin", "1234")));
        refused.put(
                "another profile for a resident",
                as(
                        admin,
                        "POST",
                        "/api/v1/cards/soft",
                        Map.of("profile", "staff-reception-clerk", "personId", resident.id(), "pin", "1234")));
        refused.put(
                "a CSR for a staff member",
                as(
                        admin,
                        "POST",
                        "/api/v1/certificates",
                        Map.of("profile", "staff-reception-clerk", "staffId", otherClerk.toString(), "csr", "x")));
        refused.put(
                "reissue a staff card",
                as(admin, "POST", staffCardPath + "/reissue", Map.of("pin", "1234", "reason", "damaged")));
        refused.put("suspend a staff card", as(admin, "POST", staffCardPath + "/suspend", null));
        refused.put("suspend a staff certificate", as(admin, "POST", staffCertificatePath + "/suspend", null));
        refused.put(
                "revoke a staff card", as(admin, "POST", staffCardPath + "/revoke", Map.of("reason", "keyCompromise")));
        refused.put(
                "revoke a platform certificate",
                as(admin, "POST", platformCertificatePath + "/revoke", Map.of("reason", "keyCompromise")));
        refused.put("suspend a platform certificate", as(admin, "POST", platformCertificatePath + "/suspend", null));

        refused.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(403);
            assertThat(response.problemCode()).as(what).isEqualTo("FORBIDDEN");
        });
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(issuer("GET", staffCardPath, null).json().path("status").asText())
                .isEqualTo("GOOD");
        assertThat(issuer("GET", platformCertificatePath, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("GOOD");

        // what the role is for still works: a resident's card by opaque ID, and its suspension
        Response residentCard =
                as(admin, "POST", "/api/v1/cards/soft", Map.of("personId", resident.id(), "pin", "1234"));
        assertThat(residentCard.status()).as(residentCard.body()).isEqualTo(201);
        String residentCardPath =
                "/api/v1/cards/" + residentCard.json().path("cardSerial").asText();
        assertThat(as(admin, "POST", residentCardPath + "/suspend", null).status())
                .isEqualTo(200);
        // and the city office's own client keeps its reach over staff cards
        assertThat(issuer("POST", staffCardPath + "/suspend", null).status()).isEqualTo(200);
    }
}
