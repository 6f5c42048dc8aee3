package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;

/**
 * The administrator's decisions on a link the resident disputed ("this is not me"): confirmed not theirs removes the
 * mapping for good (its local ID may be linked again, to whoever a new joiner names); checked and theirs restores the
 * status it had. The dispute itself is another endpoint's: here the DISPUTED review and the suspension are written
 * directly, as that endpoint leaves them.
 */
class DisputedLinkDecisionTest extends LinkageApiTest {

    private static final String BASE = "/api/v1/providers/test-kumiai/link-reviews/";

    @Test
    void confirmedNotTheirsRemovesTheMappingAndItsLocalIdMayBeLinkedAgain() {
        StaffMember staff = insurerAdmin(KUMIAI);
        Api admin = asOperator(staff);
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(KUMIAI, resident, number, LocalDate.of(2024, 4, 1));
        payload(joined).put("nameKana", "ｶﾓｶﾞﾜ ﾊﾅｺ");
        pushed(KUMIAI, joined);
        String review = dispute(number, "ACTIVE");

        Api.Response read = admin.get(BASE + review);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("kind").asText()).isEqualTo("DISPUTED");
        // the insurer's record as it was linked, beside the relay's record of the person it was linked to
        assertThat(read.json().path("providerRecord").path("nameKana").asText()).isEqualTo("ｶﾓｶﾞﾜ ﾊﾅｺ");
        assertThat(read.json().path("providerRecord").path("acquiredOn").asText())
                .isEqualTo("2024-04-01");
        assertThat(read.json().path("relayRecord").path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(read.body()).doesNotContain(resident.ssn(), resident.id());

        Api.Response wrong = admin.post(BASE + review + "/decision", decision("LINK"));
        assertThat(wrong.problemCode()).isEqualTo("DECISION_NOT_ALLOWED");
        Api.Response decided = admin.post(BASE + review + "/decision", decision("CONFIRM_NOT_THEIRS"));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("CONFIRMED_NOT_THEIRS");
        assertThat(decided.json().path("decision").path("decision").asText()).isEqualTo("CONFIRM_NOT_THEIRS");
        assertThat(mappings(resident, KUMIAI))
                .containsExactly(localId(KUMIAI, number) + " REMOVED 2024-04-01.. AUTOMATIC");
        assertThat(accessLog(resident, "LINK_REVIEW_READ", "LINK_REVIEW_DECIDED"))
                .containsExactly(
                        "operator-console " + staff.actor() + " LINK_REVIEW_READ test-kumiai 照合の確認 / link review",
                        "operator-console " + staff.actor()
                                + " LINK_REVIEW_DECIDED test-kumiai 照合の判断 / link review decision: CONFIRM_NOT_THEIRS");
        assertThat(admin.post(BASE + review + "/decision", decision("REINSTATE"))
                        .problemCode())
                .isEqualTo("REVIEW_DECIDED");

        // the insurer corrects the record: the removed mapping no longer holds the local ID
        Resident rightPerson = resident();
        JsonNode again = pushed(KUMIAI, joined(KUMIAI, rightPerson, number, LocalDate.of(2024, 4, 1)));
        assertThat(again.path("applied").asInt()).isEqualTo(1);
        assertThat(mappings(rightPerson, KUMIAI))
                .containsExactly(localId(KUMIAI, number) + " ACTIVE 2024-04-01.. AUTOMATIC");
        assertThat(mappings(resident, KUMIAI)).singleElement().asString().contains("REMOVED");
    }

    @Test
    void reinstatedReturnsTheMappingToTheStatusItHadBeforeTheDispute() {
        Api admin = asOperator(insurerAdmin(KUMIAI));
        Resident member = resident();
        String active = number();
        pushed(KUMIAI, joined(KUMIAI, member, active, LocalDate.of(2024, 4, 1)));
        Resident former = resident();
        String ended = number();
        pushed(KUMIAI, joined(KUMIAI, former, ended, LocalDate.of(2020, 4, 1)));
        pushed(KUMIAI, left(KUMIAI, ended, LocalDate.of(2023, 4, 1), null));

        for (String[] disputed : new String[][] {{active, "ACTIVE"}, {ended, "ENDED"}}) {
            String review = dispute(disputed[0], disputed[1]);
            Api.Response decided = admin.post(BASE + review + "/decision", decision("REINSTATE"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().path("status").asText()).isEqualTo("REINSTATED");
        }

        assertThat(mappings(member, KUMIAI))
                .containsExactly(localId(KUMIAI, active) + " ACTIVE 2024-04-01.. AUTOMATIC");
        assertThat(mappings(former, KUMIAI))
                .containsExactly(localId(KUMIAI, ended) + " ENDED 2020-04-01..2023-03-31 AUTOMATIC");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM service_mapping
                        WHERE local_id IN (:a, :b) AND (suspended_at IS NOT NULL OR suspended_from_status IS NOT NULL)""")
                        .param("a", localId(KUMIAI, active))
                        .param("b", localId(KUMIAI, ended))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(accessLog(member, "LINK_REVIEW_DECIDED"))
                .singleElement()
                .asString()
                .endsWith("REINSTATE");
    }

    /** What the dispute endpoint leaves: the mapping SUSPENDED (from its status) and an open DISPUTED review. */
    private String dispute(String number, String fromStatus) {
        long mapping = jdbc.sql("""
                        UPDATE service_mapping SET status = 'SUSPENDED', suspended_from_status = :from,
                            suspended_at = now()
                        WHERE local_id = :local AND status = :from RETURNING id""")
                .param("from", fromStatus)
                .param("local", localId(KUMIAI, number))
                .query(Long.class)
                .single();
        UUID review = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO link_review (opaque_id, provider_id, kind, local_id, mapping_id, status, opened_at)
                        SELECT :review, provider_id, 'DISPUTED', local_id, id, 'OPEN', now()
                        FROM service_mapping WHERE id = :mapping""").param("review", review).param("mapping", mapping).update();
        return review.toString();
    }

    private static Map<String, Object> decision(String decision) {
        return Map.of("decision", decision, "reason", "本人に確認した");
    }
}
