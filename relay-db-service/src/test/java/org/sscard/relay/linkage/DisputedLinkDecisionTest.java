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

    private static final String BASE = "/api/v1/providers/test-kenpo/link-reviews/";

    @Test
    void confirmedNotTheirsRemovesTheMappingAndItsLocalIdMayBeLinkedAgain() {
        StaffMember staff = insurerAdmin(KENPO);
        Api admin = asOperator(staff);
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(KENPO, resident, number, LocalDate.of(2024, 4, 1));
        payload(joined).put("nameKana", "ｶﾓｶﾞﾜ ﾊﾅｺ");
        pushed(KENPO, joined);
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
        assertThat(mappings(resident, KENPO))
                .containsExactly(localId(KENPO, number) + " REMOVED 2024-04-01.. AUTOMATIC");
        assertThat(accessLog(resident, "LINK_REVIEW_READ", "LINK_REVIEW_DECIDED"))
                .containsExactly(
                        "operator-console " + staff.actor() + " LINK_REVIEW_READ test-kenpo 照合の確認 / link review",
                        "operator-console " + staff.actor()
                                + " LINK_REVIEW_DECIDED test-kenpo 照合の判断 / link review decision: CONFIRM_NOT_THEIRS");
        assertThat(admin.post(BASE + review + "/decision", decision("REINSTATE"))
                        .problemCode())
                .isEqualTo("REVIEW_DECIDED");

        // the insurer corrects the record: the removed mapping no longer holds the local ID
        Resident rightPerson = resident();
        JsonNode again = pushed(KENPO, joined(KENPO, rightPerson, number, LocalDate.of(2024, 4, 1)));
        assertThat(again.path("applied").asInt()).isEqualTo(1);
        assertThat(mappings(rightPerson, KENPO))
                .containsExactly(localId(KENPO, number) + " ACTIVE 2024-04-01.. AUTOMATIC");
        assertThat(mappings(resident, KENPO)).singleElement().asString().contains("REMOVED");
    }

    @Test
    void reinstatedReturnsTheMappingToTheStatusItHadBeforeTheDispute() {
        Api admin = asOperator(insurerAdmin(KENPO));
        Resident member = resident();
        String active = number();
        pushed(KENPO, joined(KENPO, member, active, LocalDate.of(2024, 4, 1)));
        Resident former = resident();
        String ended = number();
        pushed(KENPO, joined(KENPO, former, ended, LocalDate.of(2020, 4, 1)));
        pushed(KENPO, left(KENPO, ended, LocalDate.of(2023, 4, 1), null));

        for (String[] disputed : new String[][] {{active, "ACTIVE"}, {ended, "ENDED"}}) {
            String review = dispute(disputed[0], disputed[1]);
            Api.Response decided = admin.post(BASE + review + "/decision", decision("REINSTATE"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().path("status").asText()).isEqualTo("REINSTATED");
        }

        assertThat(mappings(member, KENPO)).containsExactly(localId(KENPO, active) + " ACTIVE 2024-04-01.. AUTOMATIC");
        assertThat(mappings(former, KENPO))
                .containsExactly(localId(KENPO, ended) + " ENDED 2020-04-01..2023-03-31 AUTOMATIC");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM service_mapping
                        WHERE local_id IN (:a, :b) AND (suspended_at IS NOT NULL OR suspended_from_status IS NOT NULL)""")
                        .param("a", localId(KENPO, active))
                        .param("b", localId(KENPO, ended))
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
                .param("local", localId(KENPO, number))
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
