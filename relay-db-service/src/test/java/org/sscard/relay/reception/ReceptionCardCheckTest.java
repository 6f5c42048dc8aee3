package org.sscard.relay.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;

/** {@code POST /api/v1/reception-checks} with the patient's card: who may ask, and what the desk learns. */
class ReceptionCardCheckTest extends ReceptionDeskTest {

    private String clerk;

    @BeforeEach
    void aClerkAtTheHospitalsDesk() {
        providers();
        clerk = staff(HOSPITAL, "RECEPTION_CLERK");
    }

    @Test
    void answersTheInsurersNewestFirstTheHospitalsNumberAndWritesOneAccessLogRow() {
        Patient patient = patient();
        String kenpoId = insured(patient, KENPO, "2015-04-01", "2026-10-31");
        String nhiId = insured(patient, NHI, "2026-11-01", null);
        String number = patientAt(patient, HOSPITAL);

        Api.Response answer = check(
                clerk,
                byCard(clerk, HOSPITAL, "00" + patient.certificateSerial().toUpperCase(), patient.personalId()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("patientNumber").asText()).isEqualTo(number);
        assertThat(json.path("insurer").path("providerKey").asText()).isEqualTo(NHI);
        assertThat(json.path("insurer").path("localId").asText()).isEqualTo(nhiId);
        assertThat(json.path("staffOrganisations").toString()).isEqualTo("[\"test-hospital\"]");
        assertThat(json.path("insurers").findValuesAsText("providerKey")).containsExactly(NHI, KENPO);
        assertThat(json.path("insurers").get(0).path("validFrom").asText()).isEqualTo("2026-11-01");
        assertThat(json.path("insurers").get(0).path("validTo").isNull()).isTrue();
        assertThat(json.path("insurers").get(0).path("nameJa").asText()).isEqualTo("テスト国保");
        assertThat(json.path("insurers").get(1).path("validTo").asText()).isEqualTo("2026-10-31");
        assertThat(json.path("insurers").get(1).path("nameEn").asText()).isEqualTo("test-kenpo (en)");
        assertThat(answer.body()).doesNotContain(patient.personalId()).doesNotContain(kenpoId);
        // the relay's own words for acting-for and purpose, not the caller's purpose header
        assertThat(receptionRows(patient))
                .containsExactly("RECEPTION_CHECK | auth-service | staff:" + clerk
                        + " | reception check at test-hospital (card) | test-hospital");
    }

    @Test
    void answersTheChosenInsurersOwnIdAndRefusesAnInsurerThePersonHasNot() {
        Patient patient = patient();
        String kenpoId = insured(patient, KENPO, "2015-04-01", "2026-10-31");
        insured(patient, NHI, "2026-11-01", null);

        Map<String, Object> body = byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId());
        body.put("insurer", KENPO);
        Api.Response chosen = check(clerk, body);
        assertThat(chosen.json().path("insurer").path("providerKey").asText()).isEqualTo(KENPO);
        assertThat(chosen.json().path("insurer").path("localId").asText()).isEqualTo(kenpoId);
        assertThat(chosen.json().path("patientNumber").isNull()).isTrue();

        body.put("insurer", "pension-nowhere");
        Api.Response unknown = check(clerk, body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("INSURER_NOT_FOUND");
        assertThat(receptionRows(patient)).hasSize(2).last().asString().startsWith("RECEPTION_CHECK_REFUSED |");
    }

    @Test
    void givesAnotherHospitalsClerkOnlyTheirOwnHospitalsNumber() {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        String number = patientAt(patient, HOSPITAL);
        String otherClerk = staff(OTHER_HOSPITAL, "RECEPTION_CLERK");

        Api.Response answer = check(
                otherClerk, byCard(otherClerk, OTHER_HOSPITAL, patient.certificateSerial(), patient.personalId()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("patientNumber")).isTrue();
        assertThat(answer.json().path("patientNumber").isNull()).isTrue();
        assertThat(answer.body()).doesNotContain(number);
        assertThat(receptionRows(patient))
                .singleElement()
                .asString()
                .contains("reception check at other-hospital (card)");
    }

    @Test
    void answersAPersonWithoutInsurerWithNoInsurerAndTheHospitalsAdministratorMayCheckToo() {
        Patient patient = patient();
        String admin = staff(HOSPITAL, "HOSPITAL_ADMIN");

        Api.Response answer = check(admin, byCard(admin, HOSPITAL, patient.certificateSerial(), patient.personalId()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("insurer").isNull()).isTrue();
        assertThat(answer.json().path("staffOrganisations").isEmpty()).isTrue();
        assertThat(answer.json().path("insurers").isEmpty()).isTrue();
    }

    @Test
    void refusesASuspendedCardAtTheDeskAndLogsTheRefusal() {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        assertThat(as("card-issuer")
                        .post("/api/v1/cards/" + patient.cardSerial() + "/status", Map.of("status", "SUSPENDED"))
                        .status())
                .isEqualTo(200);

        Api.Response refused = check(clerk, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("CARD_SUSPENDED");
        assertThat(refused.body()).doesNotContain("06139999");
        assertThat(receptionRows(patient))
                .containsExactly("RECEPTION_CHECK_REFUSED | auth-service | staff:" + clerk
                        + " | reception check at test-hospital (card) | test-hospital");

        as("card-issuer").post("/api/v1/cards/" + patient.cardSerial() + "/status", Map.of("status", "REVOKED"));
        assertThat(check(clerk, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()))
                        .problemCode())
                .isEqualTo("CARD_REVOKED");
    }

    @Test
    void refusesTheCardOfAPersonWhoMovedOut() {
        Patient patient = patient();
        city().post("/api/v1/persons/" + patient.id() + "/status", Map.of("status", "MOVED_OUT"));

        Api.Response refused = check(clerk, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("PERSON_INACTIVE");
        assertThat(receptionRows(patient)).singleElement().asString().startsWith("RECEPTION_CHECK_REFUSED |");
    }

    @Test
    void refusesAnUnknownCertificateAndAnotherPersonsCardAlikeWithoutLogging() {
        Patient patient = patient();
        Patient other = patient();

        Api.Response unknown = check(clerk, byCard(clerk, HOSPITAL, "abcdef0123", patient.personalId()));
        Api.Response notTheirs = check(clerk, byCard(clerk, HOSPITAL, patient.certificateSerial(), other.personalId()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("CARD_UNKNOWN");
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.problemCode()).isEqualTo("CARD_UNKNOWN");
        assertThat(notTheirs.body()).isEqualTo(unknown.body());
        assertThat(receptionRows(patient)).isEmpty();
        assertThat(receptionRows(other)).isEmpty();

        // a staff card is not a patient's card
        Map<String, Object> token = card();
        as("card-issuer").post("/api/v1/staff/" + clerk + "/cards", token);
        assertThat(check(clerk, byCard(clerk, HOSPITAL, (String) token.get("certificateSerial"), patient.personalId()))
                        .problemCode())
                .isEqualTo("CARD_UNKNOWN");
    }

    @Test
    void refusesEveryClientButAuthService() {
        Patient patient = patient();
        for (String client : new String[] {"card-issuer", "city-office", "portal-gateway", "test-nhi-desk"}) {
            Api.Response refused =
                    as(client).post(PATH, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()));
            assertThat(refused.status()).as(client).isEqualTo(403);
            assertThat(refused.problemCode()).as(client).isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous()
                        .post(PATH, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()))
                        .status())
                .isEqualTo(401);
        assertThat(receptionRows(patient)).isEmpty();
    }

    @Test
    void refusesStaffWhoAreNotAtThisHospitalsDesk() {
        Patient patient = patient();
        String insurerStaff = staff(NHI, "INSURER_ADMIN");
        String suspended = staff(HOSPITAL, "RECEPTION_CLERK");
        city().post("/api/v1/staff/" + suspended + "/status", Map.of("status", "SUSPENDED"));

        Map<String, Map<String, Object>> refusals = Map.of(
                "insurer's staff",
                byCard(insurerStaff, NHI, patient.certificateSerial(), patient.personalId()),
                "another hospital",
                byCard(clerk, OTHER_HOSPITAL, patient.certificateSerial(), patient.personalId()),
                "suspended clerk",
                byCard(suspended, HOSPITAL, patient.certificateSerial(), patient.personalId()),
                "unknown staff",
                byCard(
                        "00000000-0000-0000-0000-000000000000",
                        HOSPITAL,
                        patient.certificateSerial(),
                        patient.personalId()));
        refusals.forEach((who, body) -> {
            Api.Response refused = check(String.valueOf(body.get("clerk")), body);
            assertThat(refused.status()).as(who).isEqualTo(403);
            assertThat(refused.problemCode()).as(who).isEqualTo("CLERK_NOT_ALLOWED");
        });
        assertThat(receptionRows(patient)).isEmpty();
    }

    /** An open desk session outlives the staff card it began with: the relay asks about that card at every check. */
    @Test
    void refusesAClerkWhoseOwnCardIsSuspended() {
        Patient patient = patient();
        Map<String, Object> body = byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId());
        assertThat(check(clerk, body).status()).isEqualTo(200);

        assertThat(as("card-issuer")
                        .post("/api/v1/cards/" + staffCardSerial(clerk) + "/status", Map.of("status", "SUSPENDED"))
                        .status())
                .isEqualTo(200);
        Api.Response suspended = check(clerk, body);
        Map<String, Object> anotherCard = new java.util.HashMap<>(body);
        anotherCard.put("clerkCertificateSerial", clerkCertificateSerial(staff(HOSPITAL, "RECEPTION_CLERK")));
        Api.Response notTheirs = check(clerk, anotherCard);
        Map<String, Object> noCard = new java.util.HashMap<>(body);
        noCard.remove("clerkCertificateSerial");

        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.problemCode()).isEqualTo("CLERK_NOT_ALLOWED");
        assertThat(notTheirs.problemCode()).isEqualTo("CLERK_NOT_ALLOWED");
        assertThat(check(clerk, noCard).status()).isEqualTo(400);
        assertThat(receptionRows(patient)).singleElement().asString().startsWith("RECEPTION_CHECK |");
    }
}
