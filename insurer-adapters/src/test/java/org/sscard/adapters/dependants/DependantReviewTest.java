package org.sscard.adapters.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sscard.adapters.dependants.DependantVerificationTest.PATH;
import static org.sscard.adapters.dependants.DependantVerificationTest.answers;
import static org.sscard.adapters.dependants.DependantVerificationTest.insured;
import static org.sscard.adapters.dependants.TestHouseholds.KENPO;
import static org.sscard.adapters.dependants.TestHouseholds.localId;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Eventually;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;
import org.sscard.common.time.PlatformDates;

/**
 * Kameda Kenpo's own administrator reviews its insured persons' verifications through the operators' console:
 * lists and reads them (logged for every person shown, as {@code staff:<id>}), accepts — ending the eligibility of
 * each dependant no longer dependant, with the row before and after in the append-only write audit — or returns
 * them for new answers. Deciding twice is a conflict.
 */
class DependantReviewTest extends AdaptersTest {

    static final String REVIEW = "/" + KENPO + "/api/v1/dependant-verifications";

    @Autowired
    Importer importer;

    @Value("${spring.datasource.url}")
    String url;

    private final String staff = UUID.randomUUID().toString();
    private final String admin = Tokens.operator("operator-console", KENPO, staff, "INSURER_ADMIN", KENPO);

    /** A household of two dependants whose insured person answered: 01 still, 02 no longer. */
    private Submitted submitted() {
        String number = TestHouseholds.newNumber();
        TestHouseholds.load(importer, number, "さくら", "はると");
        Http.Response created = Http.postJson(
                port, PATH, insured(number), answers("01", "STILL_DEPENDANT", "02", "NO_LONGER_DEPENDANT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Submitted(
                number, created.json().path("submission").path("id").asText());
    }

    private record Submitted(String number, String id) {}

    @Test
    void anInsurerAdministratorListsTheSubmittedVerificationsWithNamesAndAnswers() {
        Submitted submitted = submitted();

        Http.Response page = Http.get(port, REVIEW + "?status=SUBMITTED&size=100", admin);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("size").asInt()).isEqualTo(100);
        assertThat(page.json().path("total").asLong()).isPositive();
        JsonNode item = find(page.json().path("items"), submitted.id());
        assertThat(item.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(item.path("insured").path("localId").asText()).isEqualTo(localId(submitted.number(), "00"));
        assertThat(item.path("insured").path("nameKanji").asText()).isEqualTo("天津 一郎");
        assertThat(item.path("submittedAt").asText()).isNotEmpty();
        assertThat(item.path("answers")
                        .get(1)
                        .path("dependant")
                        .path("nameKanji")
                        .asText())
                .isEqualTo("天津 はると");
        assertThat(item.path("answers").get(1).path("answer").asText()).isEqualTo("NO_LONGER_DEPENDANT");
        assertThat(item.has("history")).as("only in the detail").isFalse();

        JsonNode detail = Http.get(port, REVIEW + "/" + submitted.id(), admin).json();
        assertThat(detail.path("history").findValuesAsText("action")).containsExactly("DEPENDANT_VERIFICATION_SUBMIT");
        assertThat(actors(localId(submitted.number(), "02"), "DEPENDANT_VERIFICATION_REVIEW"))
                .containsExactly("staff:" + staff);
        assertThat(Http.get(port, REVIEW + "?status=MAYBE", admin).status()).isEqualTo(400);
        assertThat(Http.get(port, REVIEW + "?size=101", admin).status()).isEqualTo(400);
        assertThat(Http.get(port, REVIEW + "/" + UUID.randomUUID(), admin)
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("NO_VERIFICATION");
    }

    @Test
    void acceptingEndsTheEligibilityOfTheDependantNoLongerDependantInOneAuditedWrite() {
        Submitted submitted = submitted();
        LocalDate today = LocalDate.now(PlatformDates.ZONE);

        Http.Response accepted =
                Http.postJson(port, REVIEW + "/" + submitted.id() + "/accept", admin, "{\"reason\":\"確認書類あり\"}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode item = accepted.json();
        assertThat(item.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(item.path("decidedBy").asText()).isEqualTo("staff:" + staff);
        assertThat(item.path("decisionReason").asText()).isEqualTo("確認書類あり");
        assertThat(item.path("answers").get(1).path("dependant").path("lostOn").asText())
                .isEqualTo(today.toString());
        assertThat(item.path("answers").get(0).path("dependant").has("lostOn")).isFalse();
        assertThat(item.path("history").findValuesAsText("action"))
                .containsExactly("DEPENDANT_VERIFICATION_SUBMIT", "ELIGIBILITY_ENDED", "DEPENDANT_VERIFICATION_ACCEPT");
        JsonNode ended = item.path("history").get(1);
        assertThat(ended.path("localId").asText()).isEqualTo(localId(submitted.number(), "02"));
        assertThat(ended.path("actor").asText()).isEqualTo("staff:" + staff);
        assertThat(ended.path("before").path("lost_on").isNull()).isTrue();
        assertThat(ended.path("after").path("lost_on").asText()).isEqualTo(today.toString());
        assertThat(ended.path("after").path("valid_to").asText())
                .isEqualTo(today.minusDays(1).toString());

        assertThat(jdbc.sql("SELECT lost_on FROM kameda_kenpo.member WHERE local_id = ?")
                        .param(localId(submitted.number(), "02"))
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(today);
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.member WHERE local_id = ? AND lost_on IS NULL",
                        localId(submitted.number(), "01")))
                .isEqualTo(1);
        assertThat(actors(localId(submitted.number(), "02"), "ELIGIBILITY_ENDED"))
                .containsExactly("staff:" + staff);
        assertThat(actors(localId(submitted.number(), "00"), "DEPENDANT_VERIFICATION_ACCEPT"))
                .containsExactly("staff:" + staff);
        assertThat(actors(localId(submitted.number(), "00"), "ELIGIBILITY_ENDED"))
                .isEmpty();
        // the relay is told, in the same transaction: the dependant who left, nobody else
        assertThat(jdbc.sql("SELECT subject || ' ' || (payload->>'lostOn') FROM kameda_kenpo.linkage_outbox"
                                + " WHERE type = 'MEMBER_LEFT' AND subject LIKE ?")
                        .param("%|" + submitted.number() + "|%")
                        .query(String.class)
                        .list())
                .containsExactly(localId(submitted.number(), "02") + " " + today);

        // the dependant's own eligibility says so, and the insured person sees the decision and one dependant left
        assertThat(Http.get(
                                port,
                                "/" + KENPO + "/api/v1/eligibility",
                                Tokens.person(localId(submitted.number(), "02"), KENPO))
                        .json()
                        .path("lostOn")
                        .asText())
                .isEqualTo(today.toString());
        JsonNode state = Http.get(port, PATH, insured(submitted.number())).json();
        assertThat(state.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(state.path("dependants").findValuesAsText("branch")).containsExactly("01");
        assertThat(state.path("submission").has("decidedBy"))
                .as("a resident never sees staff IDs")
                .isFalse();
    }

    @Test
    void acceptingWaitsForTheMemberTablesOtherWritersAsAnImportAndARegistrationDo() throws Exception {
        Submitted submitted = submitted();
        try (Connection running = DriverManager.getConnection(url, "postgres", "")) {
            running.setAutoCommit(false);
            // what a running eligibility import of Kameda Kenpo (and a registration) holds until it commits
            try (PreparedStatement lock =
                    running.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('kameda_kenpo.member'))")) {
                lock.execute();
            }
            CompletableFuture<Http.Response> accepting = CompletableFuture.supplyAsync(
                    () -> Http.postJson(port, REVIEW + "/" + submitted.id() + "/accept", admin, "{}"));
            Eventually.until(
                    "the acceptance finished or waits for a lock",
                    () -> accepting.isDone()
                            || count("SELECT count(*) FROM pg_stat_activity WHERE datname ="
                                            + " current_database() AND wait_event_type = 'Lock'")
                                    > 0);

            assertThat(accepting.isDone())
                    .as("the acceptance writes members and events only while no import or registration does")
                    .isFalse();
            running.commit();
            assertThat(accepting.get().status()).isEqualTo(200);
        }
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.linkage_outbox WHERE type = 'MEMBER_LEFT' AND subject = ?",
                        localId(submitted.number(), "02")))
                .isEqualTo(1);
    }

    @Test
    void decidingTwiceIsAConflict() {
        Submitted submitted = submitted();
        String accept = REVIEW + "/" + submitted.id() + "/accept";
        assertThat(Http.postJson(port, accept, admin, "{}").status()).isEqualTo(200);

        Http.Response twice = Http.postJson(port, accept, admin, "{}");
        Http.Response thenReturned =
                Http.postJson(port, REVIEW + "/" + submitted.id() + "/return", admin, "{\"reason\":\"やり直し\"}");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("code").asText()).isEqualTo("VERIFICATION_DECIDED");
        assertThat(thenReturned.status()).isEqualTo(409);
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.write_audit WHERE verification_id = ?::uuid"
                                + " AND action = 'ELIGIBILITY_ENDED'",
                        submitted.id()))
                .isEqualTo(1);
    }

    @Test
    void aReturnedVerificationIsAnsweredAgainByTheInsured() {
        Submitted submitted = submitted();
        String giveBack = REVIEW + "/" + submitted.id() + "/return";
        Http.Response noReason = Http.postJson(port, giveBack, admin, "{\"reason\":\"  \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("code").asText()).isEqualTo("REASON_REQUIRED");

        Http.Response returned = Http.postJson(port, giveBack, admin, "{\"reason\":\"はるとさんの就職日を書いてください\"}");

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().path("status").asText()).isEqualTo("RETURNED");
        JsonNode state = Http.get(port, PATH, insured(submitted.number())).json();
        assertThat(state.path("state").asText()).isEqualTo("RETURNED");
        assertThat(state.path("submission").path("decisionReason").asText()).isEqualTo("はるとさんの就職日を書いてください");
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.member WHERE local_id = ? AND lost_on IS NULL",
                        localId(submitted.number(), "02")))
                .as("a return changes no member")
                .isEqualTo(1);

        Http.Response again = Http.postJson(
                port, PATH, insured(submitted.number()), answers("01", "STILL_DEPENDANT", "02", "STILL_DEPENDANT"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String second = again.json().path("submission").path("id").asText();
        assertThat(second).isNotEqualTo(submitted.id());
        assertThat(find(
                                Http.get(port, REVIEW + "?status=SUBMITTED&size=100", admin)
                                        .json()
                                        .path("items"),
                                second)
                        .path("answers")
                        .findValuesAsText("answer"))
                .containsExactly("STILL_DEPENDANT", "STILL_DEPENDANT");
        assertThat(actors(localId(submitted.number(), "00"), "DEPENDANT_VERIFICATION_RETURN"))
                .containsExactly("staff:" + staff);
    }

    @Test
    void acceptingIsRefusedWhenTheDependantsRecordChangedSinceTheSubmission() {
        Submitted submitted = submitted();
        // the insurer's own data now says 02 is an insured person of their own
        jdbc.sql("UPDATE kameda_kenpo.member SET relationship = 'INSURED' WHERE local_id = ?")
                .param(localId(submitted.number(), "02"))
                .update();

        Http.Response refused = Http.postJson(port, REVIEW + "/" + submitted.id() + "/accept", admin, "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("MEMBER_CHANGED");
        assertThat(Http.get(port, REVIEW + "/" + submitted.id(), admin)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("SUBMITTED");
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.member WHERE local_id = ? AND lost_on IS NULL",
                        localId(submitted.number(), "02")))
                .isEqualTo(1);
    }

    @Test
    void theWriteAuditIsAppendOnly() {
        Submitted submitted = submitted();

        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE kameda_kenpo.write_audit SET reason = 'x' WHERE verification_id = ?::uuid")
                        .param(submitted.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM kameda_kenpo.write_audit WHERE verification_id = ?::uuid")
                        .param(submitted.id())
                        .update())
                .hasMessageContaining("append-only");
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no verification " + id + " in " + items);
    }

    private List<String> actors(String localId, String action) {
        return jdbc.sql("SELECT DISTINCT actor FROM kameda_kenpo.access_log WHERE local_id = ? AND action = ?")
                .params(localId, action)
                .query(String.class)
                .list();
    }
}
