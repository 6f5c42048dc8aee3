package org.sscard.relay.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.LinkStates;

/**
 * The reception desk never sees a link the resident disputed (SUSPENDED) or the provider disowned (REMOVED, issue
 * 18): not among the insurers, not as the insurer asked for, not as the hospital's own patient number.
 */
class ReceptionDisputedLinkTest extends ReceptionDeskTest {

    private String clerk;

    @BeforeEach
    void aClerkAtTheHospitalsDesk() {
        providers();
        clerk = staff(HOSPITAL, "RECEPTION_CLERK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void leavesTheInsurerOutOfTheAnswerAndRefusesItAsTheChosenInsurer(String state) {
        Patient patient = patient();
        String kenpoId = insured(patient, KENPO, "2015-04-01", "2026-10-31");
        String nhiId = insured(patient, NHI, "2026-11-01", null);
        Map<String, Object> body = byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId());
        assertThat(check(clerk, body).json().path("insurers").findValuesAsText("providerKey"))
                .containsExactly(NHI, KENPO);

        hide(patient, nhiId, state);

        JsonNode answer = check(clerk, body).json();
        assertThat(answer.path("insurers").findValuesAsText("providerKey")).containsExactly(KENPO);
        assertThat(answer.path("insurer").path("providerKey").asText()).isEqualTo(KENPO);
        assertThat(answer.path("insurer").path("localId").asText()).isEqualTo(kenpoId);
        assertThat(answer.toString()).doesNotContain(nhiId);
        body.put("insurer", NHI);
        Api.Response chosen = check(clerk, body);
        assertThat(chosen.status()).isEqualTo(404);
        assertThat(chosen.problemCode()).isEqualTo("INSURER_NOT_FOUND");
        assertThat(chosen.body()).doesNotContain(nhiId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void givesNoPatientNumberThroughADisputedLinkByCardOrBySsn(String state) {
        Patient patient = patient();
        insured(patient, NHI, "2026-11-01", null);
        String number = patientAt(patient, HOSPITAL);
        Map<String, Object> byCard = byCard(clerk, HOSPITAL, patient.certificateSerial(), patient.personalId());
        assertThat(check(clerk, byCard).json().path("patientNumber").asText()).isEqualTo(number);

        hide(patient, number, state);

        Api.Response card = check(clerk, byCard);
        Api.Response ssn = check(clerk, bySsn(clerk, HOSPITAL, patient.ssn(), "1958-04-12"));
        for (Api.Response answer : new Api.Response[] {card, ssn}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("patientNumber").isNull()).isTrue();
            assertThat(answer.body()).doesNotContain(number);
            assertThat(answer.json().path("insurer").path("providerKey").asText())
                    .isEqualTo(NHI);
        }
    }

    /** Disputes the patient's mapping with this canonical local ID as the resident does, then as {@code state}. */
    private void hide(Patient patient, String localId, String state) {
        String mapping = jdbc.sql("""
                        SELECT m.opaque_id::text FROM service_mapping m JOIN person p ON p.id = m.person_id
                        WHERE p.opaque_id = :person::uuid AND m.local_id = :local""")
                .param("person", patient.id())
                .param("local", localId)
                .query(String.class)
                .single();
        LinkStates.hide(as("portal-gateway"), jdbc, patient.id(), mapping, state);
    }
}
