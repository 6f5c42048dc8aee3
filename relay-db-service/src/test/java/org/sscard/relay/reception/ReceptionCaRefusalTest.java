package org.sscard.relay.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;

/**
 * {@code POST /api/v1/reception-checks} with {@code pkiRefusal}: the CA refused the patient's card before the relay
 * was asked; the relay identifies the card and the clerk as usual, and logs the refused check for its holder.
 */
class ReceptionCaRefusalTest extends ReceptionDeskTest {

    private String clerk;

    @BeforeEach
    void aClerkAtTheHospitalsDesk() {
        providers();
        clerk = staff(HOSPITAL, "RECEPTION_CLERK");
    }

    @Test
    void refusesACardTheCaRefusedWithTheCasReasonAndLogsEachAttempt() {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        patientAt(patient, HOSPITAL);
        Map<String, String> expected = Map.of(
                "REVOKED", "CARD_REVOKED",
                "ON_HOLD", "CARD_SUSPENDED",
                "EXPIRED", "CARD_EXPIRED");

        expected.forEach((pkiRefusal, code) -> {
            Api.Response refused = check(clerk, refusedByCa(patient, pkiRefusal));
            assertThat(refused.status()).as(pkiRefusal + ": " + refused.body()).isEqualTo(409);
            assertThat(refused.problemCode()).as(pkiRefusal).isEqualTo(code);
            // no insurer, no patient number: nothing about the patient goes back for a refused card
            assertThat(refused.body())
                    .doesNotContain("patientNumber", "06139999", "localId")
                    .doesNotContain(patient.personalId());
        });

        assertThat(receptionRows(patient))
                .containsExactlyInAnyOrder(
                        row("revoked at the CA"), row("suspended at the CA"), row("expired at the CA"));
    }

    /** No answer about the patient while their card may be revoked, but the holder learns a desk tried it. */
    @Test
    void refusesACardWhoseStatusCouldNotBeCheckedAndLogsIt() {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        patientAt(patient, HOSPITAL);

        Api.Response refused = check(clerk, refusedByCa(patient, "STATUS_UNKNOWN"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("CARD_STATUS_UNKNOWN");
        assertThat(refused.body()).doesNotContain("patientNumber", "06139999", "localId");
        assertThat(receptionRows(patient)).containsExactly(row("the card's status could not be checked"));
    }

    @Test
    void answersTheCasReasonWhateverTheRelaysOwnRecordSays() {
        Patient patient = patient();
        assertThat(as("card-issuer")
                        .post("/api/v1/cards/" + patient.cardSerial() + "/status", Map.of("status", "SUSPENDED"))
                        .status())
                .isEqualTo(200);
        assertThat(check(clerk, refusedByCa(patient, "REVOKED")).problemCode()).isEqualTo("CARD_REVOKED");

        Patient movedOut = patient();
        city().post("/api/v1/persons/" + movedOut.id() + "/status", Map.of("status", "MOVED_OUT"));
        assertThat(check(clerk, refusedByCa(movedOut, "EXPIRED")).problemCode()).isEqualTo("CARD_EXPIRED");

        assertThat(receptionRows(patient)).containsExactly(row("revoked at the CA"));
        assertThat(receptionRows(movedOut)).containsExactly(row("expired at the CA"));
    }

    @Test
    void refusesAnUnknownCertificateAndAnotherPersonsCardAlikeWithoutLogging() {
        Patient patient = patient();
        Patient other = patient();
        Map<String, Object> unknownBody = refusedByCa(patient, "REVOKED");
        unknownBody.put("certificateSerial", "abcdef0123");
        Map<String, Object> notTheirsBody = refusedByCa(patient, "REVOKED");
        notTheirsBody.put("personalId", other.personalId());

        Api.Response unknown = check(clerk, unknownBody);
        Api.Response notTheirs = check(clerk, notTheirsBody);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("CARD_UNKNOWN");
        assertThat(notTheirs.body()).isEqualTo(unknown.body());
        assertThat(receptionRows(patient)).isEmpty();
        assertThat(receptionRows(other)).isEmpty();
    }

    @Test
    void refusesStaffWhoAreNotAtThisHospitalsDeskWithoutLogging() {
        Patient patient = patient();
        String otherClerk = staff(OTHER_HOSPITAL, "RECEPTION_CLERK");
        Map<String, Object> body = refusedByCa(patient, "ON_HOLD");
        body.put("clerk", otherClerk);

        Api.Response refused = check(otherClerk, body);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("CLERK_NOT_ALLOWED");
        assertThat(receptionRows(patient)).isEmpty();
    }

    @Test
    void refusesACaRefusalWithoutACardAndAReasonItDoesNotKnow() {
        Patient patient = patient();
        Map<String, Object> bySsn = bySsn(clerk, HOSPITAL, patient.ssn(), "1958-04-12");
        bySsn.put("pkiRefusal", "REVOKED");
        Map<String, Object> unknownReason = refusedByCa(patient, "LOST");

        Api.Response ssn = check(clerk, bySsn);
        Api.Response lost = check(clerk, unknownReason);

        assertThat(ssn.status()).as(ssn.body()).isEqualTo(400);
        assertThat(lost.status()).as(lost.body()).isEqualTo(400);
        assertThat(receptionRows(patient)).isEmpty();
    }

    private Map<String, Object> refusedByCa(Patient patient, String pkiRefusal) {
        Map<String, Object> body = byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId());
        body.put("pkiRefusal", pkiRefusal);
        return body;
    }

    private String row(String refusedBecause) {
        return "RECEPTION_CHECK_REFUSED | auth-service | staff:" + clerk
                + " | reception check at test-hospital (card): " + refusedBecause + " | test-hospital";
    }
}
