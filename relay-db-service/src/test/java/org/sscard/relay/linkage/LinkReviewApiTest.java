package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sscard.relay.support.Api;

/**
 * The review queue of an insurer's administrator: their own insurer's only; the insurer's record beside the relay's
 * five items; LINK, REJECT, each decision once, each read and decision in the access log with their staff ID.
 */
class LinkReviewApiTest extends LinkageApiTest {

    private static final String BASE = "/api/v1/providers/test-nhi/link-reviews";

    @Test
    void anAdminListsOpenReviewsOldestFirstAndReadsOneSideBySide() {
        StaffMember staff = insurerAdmin(NHI);
        Api admin = asOperator(staff);
        Resident resident = resident();
        String older = mismatch(resident, "千葉県鴨川市横渚1");
        String newer = mismatch(resident(), "千葉県鴨川市横渚2");

        JsonNode page = admin.get(BASE + "?status=OPEN&size=100").json();
        List<String> ids = page.path("items").findValuesAsText("id");
        assertThat(ids).contains(reviewId(older), reviewId(newer));
        assertThat(ids.indexOf(reviewId(older))).isLessThan(ids.indexOf(reviewId(newer)));
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode item = page.path("items").get(ids.indexOf(reviewId(older)));
        assertThat(item.path("kind").asText()).isEqualTo("MISMATCH");
        assertThat(item.path("status").asText()).isEqualTo("OPEN");
        assertThat(item.path("localId").asText()).isEqualTo(localId(NHI, older));
        assertThat(item.path("differences").toString()).isEqualTo("[\"ADDRESS\"]");
        assertThat(item.has("openedAt")).isTrue();
        assertThat(item.has("decision")).isFalse();

        Api.Response read = admin.get(BASE + "/" + reviewId(older));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode detail = read.json();
        JsonNode insurer = detail.path("providerRecord");
        assertThat(insurer.path("address").asText()).isEqualTo("千葉県鴨川市横渚1");
        assertThat(insurer.path("nameKana").asText()).isEqualTo("カモガワ ハナコ");
        assertThat(insurer.path("acquiredOn").asText()).isEqualTo("2026-04-01");
        assertThat(insurer.path("number").asText()).isEqualTo(older);
        assertThat(insurer.path("relationship").asText()).isEqualTo("INSURED");
        JsonNode relay = detail.path("relayRecord");
        assertThat(relay.path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(relay.path("nameKanji").asText()).isEqualTo("鴨川 花子");
        assertThat(relay.path("dateOfBirth").asText()).isEqualTo("1958-04-12");
        assertThat(relay.path("sex").asText()).isEqualTo("FEMALE");
        assertThat(relay.path("address").asText()).isEqualTo(ADDRESS);
        assertThat(detail.toString()).doesNotContain(resident.ssn(), resident.id(), "personId", "provisionalSsn");
        assertThat(detail.has("residentNote"))
                .as("a note is a disputed review's only")
                .isFalse();
        assertThat(accessLog(resident, "LINK_REVIEW_READ"))
                .containsExactly(
                        "operator-console " + staff.actor() + " LINK_REVIEW_READ test-nhi 照合の確認 / link review");
    }

    @Test
    void linkMakesAReviewedMappingTellsTheNewInsurerAndIsDecidedOnce() {
        StaffMember staff = insurerAdmin(NHI);
        Api admin = asOperator(staff);
        Resident resident = resident();
        String kenpo = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        // ended before the NHI's coverage began (2026-04-01): a previous coverage the NHI is told of
        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 4, 1), null));
        String number = mismatch(resident, "千葉県鴨川市横渚1");
        long head = outboxHead();

        Api.Response decided = admin.post(BASE + "/" + reviewId(number) + "/decision", decision("LINK", "転居前の住所と確認した"));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("LINKED");
        JsonNode made = decided.json().path("decision");
        assertThat(made.path("decision").asText()).isEqualTo("LINK");
        assertThat(made.path("reason").asText()).isEqualTo("転居前の住所と確認した");
        assertThat(made.path("decidedBy").asText()).isEqualTo(staff.actor());
        assertThat(mappings(resident, NHI)).containsExactly(localId(NHI, number) + " ACTIVE 2026-04-01.. REVIEWED");
        JsonNode told = awaitFeed(NHI, head, feed -> feed.path("events").size() == 1)
                .path("events")
                .get(0);
        assertThat(told.path("subject").asText()).isEqualTo(localId(NHI, number));
        assertThat(told.path("payload").path("lostOn").asText()).isEqualTo("2026-04-01");
        assertThat(accessLog(resident, "LINK_REVIEW_DECIDED", "PREVIOUS_COVERAGE_SHARED"))
                .containsExactly(
                        "operator-console " + staff.actor()
                                + " PREVIOUS_COVERAGE_SHARED test-nhi 保険者間連携 / inter-insurer linkage",
                        "operator-console " + staff.actor()
                                + " LINK_REVIEW_DECIDED test-nhi 照合の判断 / link review decision: LINK");

        Api.Response again = admin.post(BASE + "/" + reviewId(number) + "/decision", decision("REJECT", "やはり違う"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("REVIEW_DECIDED");
        assertThat(mappings(resident, NHI)).hasSize(1);
        List<String> decided1 = admin.get(BASE + "?status=DECIDED&size=100")
                .json()
                .path("items")
                .findValuesAsText("id");
        assertThat(decided1).first().isEqualTo(reviewId(number));
        assertThat(admin.get(BASE + "?status=OPEN&size=100")
                        .json()
                        .path("items")
                        .findValuesAsText("id"))
                .doesNotContain(reviewId(number));
    }

    @Test
    void rejectLeavesTheRecordUnlinkedAndOnlyTheDecisionsOfTheKindAreTaken() {
        StaffMember staff = insurerAdmin(NHI);
        Api admin = asOperator(staff);
        Resident resident = resident();
        String mismatch = mismatch(resident, "千葉県鴨川市横渚1");
        String noCandidate = number();
        pushed(NHI, joined(NHI, null, noCandidate, LocalDate.of(2026, 4, 1)));

        for (String wrong : new String[] {"CONFIRM_NOT_THEIRS", "REINSTATE"}) {
            Api.Response refused = admin.post(BASE + "/" + reviewId(mismatch) + "/decision", decision(wrong, "x"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("DECISION_NOT_ALLOWED");
        }
        Api.Response nobodyToLink = admin.post(BASE + "/" + reviewId(noCandidate) + "/decision", decision("LINK", "x"));
        assertThat(nobodyToLink.problemCode()).isEqualTo("DECISION_NOT_ALLOWED");
        assertThat(admin.post(BASE + "/" + reviewId(mismatch) + "/decision", Map.of("decision", "REJECT"))
                        .problemCode())
                .as("a reason is required")
                .isEqualTo("INVALID_FIELD");
        assertThat(admin.post(BASE + "/" + reviewId(mismatch) + "/decision", decision("REJECT", "x".repeat(501)))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(admin.post(BASE + "/" + reviewId(mismatch) + "/decision", decision("MERGE", "x"))
                        .status())
                .isEqualTo(400);

        Api.Response rejected = admin.post(BASE + "/" + reviewId(mismatch) + "/decision", decision("REJECT", "別人"));
        Api.Response rejectedToo =
                admin.post(BASE + "/" + reviewId(noCandidate) + "/decision", decision("REJECT", "番号なし"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejectedToo.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejectedToo.json().has("relayRecord")).isFalse();
        assertThat(mappingsOf(NHI, mismatch)).isZero();
        assertThat(reviews(NHI, mismatch)).containsExactly("MISMATCH REJECTED [\"ADDRESS\"]");
        assertThat(accessLog(resident, "LINK_REVIEW_DECIDED"))
                .containsExactly("operator-console " + staff.actor()
                        + " LINK_REVIEW_DECIDED test-nhi 照合の判断 / link review decision: REJECT");
    }

    @Test
    void aDecidedReviewNoLongerShowsTheRelaysRecord() {
        Api admin = asOperator(insurerAdmin(NHI));
        String linked = mismatch(resident(), "千葉県鴨川市横渚1");
        String rejected = mismatch(resident(), "千葉県鴨川市横渚2");
        assertThat(admin.get(BASE + "/" + reviewId(linked)).json().has("relayRecord"))
                .as("open: side by side")
                .isTrue();

        Api.Response link = admin.post(BASE + "/" + reviewId(linked) + "/decision", decision("LINK", "本人と確認"));
        Api.Response reject = admin.post(BASE + "/" + reviewId(rejected) + "/decision", decision("REJECT", "別人"));

        for (Api.Response decided : List.of(
                link, reject, admin.get(BASE + "/" + reviewId(linked)), admin.get(BASE + "/" + reviewId(rejected)))) {
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().has("relayRecord")).as(decided.body()).isFalse();
            assertThat(decided.json().has("providerRecord")).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"dateOfBirth, 1958-04-13", "sex, MALE"})
    void linkIsRefusedWhenTheDateOfBirthOrSexDiffers(String field, String value) {
        Api admin = asOperator(insurerAdmin(NHI));
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put(field, value);
        payload(joined).put("nameKana", "カモガワ ハナエ"); // a spelling the administrator could override
        pushed(NHI, joined);

        Api.Response refused = admin.post(BASE + "/" + reviewId(number) + "/decision", decision("LINK", "本人と確認"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("DECISION_NOT_ALLOWED");
        assertThat(refused.json().path("detail").asText()).contains(field.equals("sex") ? "SEX" : "DATE_OF_BIRTH");
        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).singleElement().asString().startsWith("MISMATCH OPEN");
        assertThat(admin.post(BASE + "/" + reviewId(number) + "/decision", decision("REJECT", "別人"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void linkIsRefusedWhenThePersonIsNoLongerActive() {
        Api admin = asOperator(insurerAdmin(NHI));
        Resident resident = resident();
        String number = mismatch(resident, "千葉県鴨川市横渚1");
        assertThat(city().post("/api/v1/persons/" + resident.id() + "/status", Map.of("status", "MOVED_OUT"))
                        .status())
                .isEqualTo(200);

        Api.Response refused = admin.post(BASE + "/" + reviewId(number) + "/decision", decision("LINK", "本人と確認"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("DECISION_NOT_ALLOWED");
        assertThat(refused.json().path("detail").asText()).contains("PERSON_NOT_ACTIVE");
        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"ADDRESS\"]");
    }

    @Test
    void aLossRegisteredWhileTheRecordWaitsMakesTheLinkedMappingEnded() {
        Resident resident = resident();
        String number = mismatch(resident, "千葉県鴨川市横渚1");
        pushed(NHI, left(NHI, number, LocalDate.of(2026, 10, 1), "転出"));

        Api.Response linked = asOperator(insurerAdmin(NHI))
                .post(BASE + "/" + reviewId(number) + "/decision", decision("LINK", "本人と確認"));

        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("providerRecord").path("lostOn").asText()).isEqualTo("2026-10-01");
        assertThat(mappings(resident, NHI))
                .containsExactly(localId(NHI, number) + " ENDED 2026-04-01..2026-09-30 REVIEWED");
    }

    @Test
    void anotherInsurersAdminACityAdminAndServiceClientsAreRefused() {
        Resident resident = resident();
        String number = mismatch(resident, "千葉県鴨川市横渚1");
        String kenposReview = number();
        pushed(KUMIAI, joined(KUMIAI, null, kenposReview, LocalDate.of(2026, 4, 1)));
        int logged = count("access_log");
        List<Api> strangers = new ArrayList<>(List.of(asOperator(insurerAdmin(KUMIAI)), asOperator(cityAdmin())));
        for (String client : new String[] {"city-office", "insurer-adapters", "portal-gateway"}) {
            strangers.add(as(client));
        }
        for (Api stranger : strangers) {
            for (Api.Response refused : List.of(
                    stranger.get(BASE),
                    stranger.get(BASE + "/" + reviewId(number)),
                    stranger.post(BASE + "/" + reviewId(number) + "/decision", decision("REJECT", "x")),
                    stranger.get("/api/v1/providers/test-nhi/linkage-log"))) {
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
            }
        }
        // their own insurer's path with another insurer's review: not theirs, so not found
        Api nhi = asOperator(insurerAdmin(NHI));
        String kenpoId = jdbc.sql("SELECT opaque_id::text FROM link_review WHERE local_id = :l")
                .param("l", localId(KUMIAI, kenposReview))
                .query(String.class)
                .single();
        Api.Response notFound = nhi.get(BASE + "/" + kenpoId);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.problemCode()).isEqualTo("REVIEW_NOT_FOUND");
        assertThat(nhi.post(BASE + "/" + kenpoId + "/decision", decision("REJECT", "x"))
                        .problemCode())
                .isEqualTo("REVIEW_NOT_FOUND");
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"ADDRESS\"]");
        assertThat(count("access_log")).isEqualTo(logged);
    }

    @Test
    void theLinkageLogShowsWhatWasReceivedAndSentNewestFirst() {
        Resident resident = resident();
        String kenpo = number();
        String nhi = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        pushed(NHI, joined(NHI, resident, nhi, LocalDate.of(2026, 12, 1)));
        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), null));

        JsonNode nhiLog = asOperator(insurerAdmin(NHI))
                .get("/api/v1/providers/test-nhi/linkage-log?size=2")
                .json();
        JsonNode kenpoLog = asOperator(insurerAdmin(KUMIAI))
                .get("/api/v1/providers/test-kumiai/linkage-log?size=2")
                .json();

        assertThat(entries(nhiLog))
                .containsExactly(
                        "SENT PREVIOUS_COVERAGE_LOST " + localId(NHI, nhi) + " -",
                        "RECEIVED MEMBER_JOINED " + localId(NHI, nhi) + " LINKED");
        assertThat(entries(kenpoLog))
                .containsExactly(
                        "RECEIVED MEMBER_LEFT " + localId(KUMIAI, kenpo) + " ENDED_MAPPING",
                        "RECEIVED MEMBER_JOINED " + localId(KUMIAI, kenpo) + " LINKED");
        assertThat(nhiLog.path("items").get(0).has("at")).isTrue();
        assertThat(nhiLog.toString()).doesNotContain(kenpo);
    }

    /** A joiner at test-nhi whose address differs from the relay's: an open MISMATCH review; its number. */
    private String mismatch(Resident resident, String address) {
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put("address", address);
        pushed(NHI, joined);
        return number;
    }

    private String reviewId(String number) {
        return jdbc.sql("SELECT opaque_id::text FROM link_review WHERE local_id = :l ORDER BY id DESC LIMIT 1")
                .param("l", localId(NHI, number))
                .query(String.class)
                .single();
    }

    private static Map<String, Object> decision(String decision, String reason) {
        return Map.of("decision", decision, "reason", reason);
    }

    private static List<String> entries(JsonNode log) {
        List<String> entries = new ArrayList<>();
        log.path("items")
                .forEach(entry -> entries.add(entry.path("direction").asText() + " "
                        + entry.path("type").asText() + " "
                        + entry.path("subject").asText() + " "
                        + entry.path("outcome").asText("-")));
        return entries;
    }
}
