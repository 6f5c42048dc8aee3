package org.sscard.relay.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;

/**
 * {@code POST /api/v1/reception-checks} by provisional SSN and date of birth: one answer for "no such SSN" and "wrong
 * date", and no finding the date by trying ({@code ssn-mismatch-limit}, 5 by default).
 */
class ReceptionSsnCheckTest extends ReceptionDeskTest {

    private static final String BORN = "1958-04-12";

    private String clerk;

    @BeforeEach
    void aClerkAtTheHospitalsDesk() {
        providers();
        clerk = staff(HOSPITAL, "RECEPTION_CLERK");
    }

    @Test
    void answersTheRightSsnAndDateOfBirthWithTheReasonInTheAccessLog() {
        Patient patient = patient();
        String nhiId = insured(patient, NHI, "2026-11-01", null);
        String number = patientAt(patient, HOSPITAL);

        Api.Response answer = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), BORN));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("insurer").path("localId").asText()).isEqualTo(nhiId);
        assertThat(answer.json().path("patientNumber").asText()).isEqualTo(number);
        assertThat(answer.body()).doesNotContain(patient.ssn());
        assertThat(receptionRows(patient))
                .containsExactly("RECEPTION_CHECK | auth-service | staff:" + clerk
                        + " | reception check at test-hospital (SSN: CARD_UNREADABLE) | test-hospital");
    }

    @Test
    void answersAnUnknownSsnAndAWrongDateOfBirthWithTheSameBody() {
        Patient patient = patient();
        String unknownSsn = newProvisionalSsn();

        Api.Response unknown = check(clerk, bySsn(clerk, HOSPITAL, unknownSsn, BORN));
        Api.Response wrongDate = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), "1958-04-13"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("PERSON_NOT_MATCHED");
        assertThat(wrongDate.body()).isEqualTo(unknown.body());
        assertThat(wrongDate.body()).doesNotContain(patient.ssn()).doesNotContain(unknownSsn);
        assertThat(receptionRows(patient)).containsExactly(wrongDateRow());
    }

    /** The holder learns that someone tried their SSN with another date; the caller learns nothing more. */
    @Test
    void logsAWrongDateOfBirthInTheHoldersAccessLogAndAnswersAsForAnUnknownSsn() {
        Patient patient = patient();
        Patient bystander = patient();

        Api.Response wrongDate = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), "1958-04-13"));

        assertThat(wrongDate.status()).isEqualTo(404);
        assertThat(wrongDate.problemCode()).isEqualTo("PERSON_NOT_MATCHED");
        assertThat(receptionRows(patient)).containsExactly(wrongDateRow());
        assertThat(mismatches(patient)).isEqualTo(1);
        assertThat(receptionRows(bystander)).isEmpty();
    }

    @Test
    void locksOutEvenTheRightDateAfterFiveWrongOnesWithinADay() {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        Api.Response wrong = null;
        for (int day = 1; day <= 4; day++) {
            wrong = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), "1958-05-0" + day));
            assertThat(wrong.problemCode()).isEqualTo("PERSON_NOT_MATCHED");
        }
        // four wrong dates: the right one still answers
        assertThat(check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), BORN)).status())
                .isEqualTo(200);

        assertThat(check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), "1958-05-05"))
                        .problemCode())
                .isEqualTo("PERSON_NOT_MATCHED");
        Api.Response locked = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), BORN));

        assertThat(locked.status()).isEqualTo(404);
        assertThat(locked.body()).isEqualTo(wrong.body());
        assertThat(mismatches(patient)).isEqualTo(5);
        assertThat(receptionRows(patient))
                .containsExactly(
                        wrongDateRow(),
                        wrongDateRow(),
                        wrongDateRow(),
                        wrongDateRow(),
                        "RECEPTION_CHECK | auth-service | staff:" + clerk
                                + " | reception check at test-hospital (SSN: CARD_UNREADABLE) | test-hospital",
                        wrongDateRow(),
                        "RECEPTION_CHECK_REFUSED | auth-service | staff:" + clerk
                                + " | reception check at test-hospital (SSN: CARD_UNREADABLE) | test-hospital");
        // the card still works: the limit guards the SSN way in only
        assertThat(check(clerk, byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnIncompleteCheckBeforeLookingAnyoneUp() {
        Patient patient = patient();
        Map<String, Object> noReason = bySsn(clerk, HOSPITAL, patient.ssn(), BORN);
        noReason.remove("reason");
        Map<String, Object> noPersonalId = byCard(clerk, HOSPITAL, patient.certificateSerial(), null);
        Map<String, Object> shortSsn = bySsn(clerk, HOSPITAL, "12345", BORN);

        for (Map<String, Object> body : new Map[] {noReason, noPersonalId, shortSsn}) {
            Api.Response refused = check(clerk, body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        }
        assertThat(receptionRows(patient)).isEmpty();
    }

    private String wrongDateRow() {
        return "RECEPTION_CHECK_REFUSED | auth-service | staff:" + clerk
                + " | reception check at test-hospital (SSN: CARD_UNREADABLE): date of birth did not match"
                + " | test-hospital";
    }

    private int mismatches(Patient patient) {
        return jdbc.sql("""
                        SELECT count(*) FROM reception_ssn_mismatch m JOIN person p ON p.id = m.person_id
                        WHERE p.opaque_id = :person::uuid""").param("person", patient.id()).query(Integer.class).single();
    }
}
