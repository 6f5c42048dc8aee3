package org.sscard.console.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * The link-review queue with the stand-in relay: the own insurer only, with operator tokens for the relay; the five
 * items side by side, each row marked in words; only the decisions the kind takes; linking and confirming "not
 * theirs" only after a confirmation; the relay's refusals as designed pages with the way back; every read and
 * decision in admin_action without a name, a date of birth or an address.
 */
class LinkReviewsTest extends ConsoleTest {

    private static final String R = "/insurers/kameda-kenpo/link-reviews/" + Fixtures.REVIEW;
    private static final String API = "/relay/api/v1/providers/kameda-kenpo/link-reviews";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesAnotherInsurersQueueBeforeAskingTheRelay() throws Exception {
        String other = "/insurers/kamogawa-nhi/link-reviews";
        mvc.perform(get(other).with(login(Persona.KAMEDA_KENPO_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get(other + "/" + Fixtures.REVIEW).with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(decision(other + "/" + Fixtures.REVIEW, "LINK", "同じ人").param("confirmed", "yes"))
                .andExpect(status().isForbidden());
        mvc.perform(get(R).with(login(Persona.CITY_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/insurers/kamogawa-nhi/linkage").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());
        // no CSRF token
        mvc.perform(post(R + "/decision")
                        .param("decision", "REJECT")
                        .param("reason", "x")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());

        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void listsTheOpenReviewsWithTheRelaysTokenAndRecordsTheView() throws Exception {
        String staff = newStaff();

        String page = page(get("/insurers/kameda-kenpo/link-reviews").with(login(Persona.KAMEDA_KENPO_ADMIN, staff)));

        assertThat(page).contains("5項目の不一致", "本人の申し出", "住所", "10 2003 00", R, "aria-current=\"page\"");
        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(call.path()).isEqualTo(API + "?status=OPEN&page=0&size=50");
        assertThat(PLATFORM.audienceOf(call.bearer())).isEqualTo("relay-db-service");
        assertThat(actionsOf(staff)).containsExactly("LIST_LINK_REVIEWS ASKED", "LIST_LINK_REVIEWS DONE");

        page(get("/insurers/kameda-kenpo/link-reviews")
                .param("status", "DECIDED")
                .param("page", "2")
                .with(login(Persona.KAMEDA_KENPO_ADMIN)));
        assertThat(PLATFORM.calls().get(1).path()).isEqualTo(API + "?status=DECIDED&page=2&size=50");
        page(get("/insurers/kameda-kenpo/link-reviews").param("status", "ALL").with(login(Persona.KAMEDA_KENPO_ADMIN)));
        assertThat(PLATFORM.calls().get(2).path()).isEqualTo(API + "?status=OPEN&page=0&size=50");
    }

    @Test
    void showsDecidedReviewsWithTheirDecisionInWordsAndNoFormAnyMore() throws Exception {
        PLATFORM.on(
                "GET",
                API,
                200,
                "{\"items\":[{\"id\":\"" + Fixtures.REVIEW
                        + "\",\"kind\":\"MISMATCH\",\"localId\":\"06139999|10|2003|00\","
                        + "\"status\":\"LINKED\",\"openedAt\":\"2026-12-07T10:00:00Z\",\"differences\":[\"ADDRESS\"],"
                        + "\"decidedAt\":\"2026-12-07T11:00:00Z\",\"decision\":\"LINK\"},"
                        + "{\"id\":\"4f2a1b0c-5d6e-4f70-8192-a3b4c5d6e7f9\",\"kind\":\"NO_CANDIDATE\","
                        + "\"localId\":\"06139999|10|2005|00\",\"status\":\"WITHDRAWN\","
                        + "\"openedAt\":\"2026-12-07T09:00:00Z\",\"differences\":[],\"decidedAt\":\"2026-12-07T09:30:00Z\","
                        + "\"decision\":null}],\"page\":0,\"size\":50,\"total\":2}");
        assertThat(page(get("/insurers/kameda-kenpo/link-reviews")
                        .param("status", "DECIDED")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))))
                .contains("結び付けた", "取り下げ", "候補なし", "令和8年（2026年）12月7日 20:00 JST")
                .doesNotContain(">LINKED<", ">WITHDRAWN<");

        PLATFORM.on(
                "GET",
                API + "/[^/]+",
                200,
                Fixtures.LINKED_REVIEW_JSON.replace(
                        "\"relationship\":\"INSURED\"}",
                        "\"relationship\":\"INSURED\",\"lostOn\":\"2027-04-01\",\"lossReason\":\"退職\"}"));
        assertThat(page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN))))
                .contains("結び付ける（同じ人と確かめた）", "住民票の写しで転居を確認", "staff:8960374c")
                .contains("令和9年（2027年）4月1日", "退職")
                .doesNotContain("name=\"decision\"", "/decision\"");
    }

    @Test
    void showsTheFiveItemsSideBySideEachRowMarkedInWords() throws Exception {
        String staff = newStaff();

        String page = page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN, staff)));

        assertThat(page)
                .contains("千葉県鴨川市横渚1451", "千葉県鴨川市横渚1450", "10 2003 00", "令和8年（2026年）12月1日")
                .contains("被保険者（本人）", "同じ人と確かめられたときだけ")
                .contains("value=\"LINK\"", "value=\"REJECT\"")
                .doesNotContain("value=\"CONFIRM_NOT_THEIRS\"", "value=\"REINSTATE\"");
        assertThat(row(page, "ADDRESS")).contains("class=\"cmp-DIFFERS\"", "data-state=\"DIFFERS\"", "不一致", "✗");
        for (String item : List.of("KANA_NAME", "KANJI_NAME", "DATE_OF_BIRTH", "SEX")) {
            assertThat(row(page, item))
                    .as(item)
                    .contains("data-state=\"AGREES\"", "一致")
                    .doesNotContain("不一致");
        }
        assertThat(row(page, "SEX")).contains("女性");
        assertThat(PLATFORM.calls().get(0).path()).isEqualTo(API + "/" + Fixtures.REVIEW);
        assertThat(PLATFORM.audienceOf(PLATFORM.calls().get(0).bearer())).isEqualTo("relay-db-service");

        String english = page(get(R).param("lang", "en").with(login(Persona.KAMEDA_KENPO_ADMIN, staff)));
        assertThat(row(english, "ADDRESS")).contains("differs");
        assertThat(row(english, "KANA_NAME")).contains("agrees");

        assertThat(actionsOf(staff)).containsOnly("READ_LINK_REVIEW ASKED", "READ_LINK_REVIEW DONE");
        JsonNode read = recorded(staff, "READ_LINK_REVIEW", "DONE", "after").get(0);
        assertThat(read.path("reviewId").asText()).isEqualTo(Fixtures.REVIEW.toString());
        assertThat(read.path("kind").asText()).isEqualTo("MISMATCH");
        assertThat(read.path("differences").toString()).isEqualTo("[\"ADDRESS\"]");
        assertThat(read.toString()).doesNotContain("鴨川", "カモガワ", "横渚", "1970");
    }

    @Test
    void offersOnlyRejectWithoutACandidateAndTheTwoDisputeDecisionsForADisputedLink() throws Exception {
        PLATFORM.on("GET", API + "/[^/]+", 200, Fixtures.NO_CANDIDATE_JSON);
        String none = page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN)));
        assertThat(none)
                .contains("候補なし", "value=\"REJECT\"")
                .doesNotContain("value=\"LINK\"", "value=\"CONFIRM_NOT_THEIRS\"");
        for (String item : FiveItems.CODES) {
            assertThat(row(none, item)).as(item).contains("data-state=\"MISSING\"", "未記入");
        }

        PLATFORM.on("GET", API + "/[^/]+", 200, Fixtures.DISPUTED_JSON);
        String disputed = page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN)));
        assertThat(disputed)
                .contains("本人の申し出", "これは私ではありません", "value=\"CONFIRM_NOT_THEIRS\"", "value=\"REINSTATE\"")
                .doesNotContain("value=\"LINK\"", "value=\"REJECT\"");
        assertThat(row(disputed, "KANJI_NAME")).contains("data-state=\"DIFFERS\"", "鴨川 華子", "鴨川 花子");
        assertThat(row(disputed, "ADDRESS")).contains("data-state=\"AGREES\"");
    }

    @Test
    void showsTheResidentsNoteOnADisputedLinkEscapedInBothLanguagesAndKeepsItOutOfAdminAction() throws Exception {
        String staff = newStaff();
        String noted = "/insurers/kameda-kenpo/link-reviews/" + Fixtures.NOTED_REVIEW;

        String page = page(get(noted).with(login(Persona.KAMEDA_KENPO_ADMIN, staff)));

        assertThat(page)
                .contains("本人からの申し出の内容")
                .contains("<dd id=\"resident-note\" class=\"resident-note\">鴨川市に住んだことはありません。\n"
                        + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;別人&lt;/b&gt;</dd>")
                .doesNotContain("<script>alert(1)", "<b>別人</b>");
        assertThat(page(get(noted).param("lang", "en").with(login(Persona.KAMEDA_KENPO_ADMIN, staff))))
                .contains("The resident&#39;s note", "&lt;script&gt;alert(1)&lt;/script&gt;");
        // the note is the resident's words for the administrator, not the console's to keep
        assertThat(jdbc.sql("SELECT count(*) FROM admin_action WHERE staff_id = :s")
                        .param("s", staff)
                        .query(Integer.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT a::text FROM admin_action a WHERE staff_id = :s")
                        .param("s", staff)
                        .query(String.class)
                        .list())
                .noneMatch(row -> row.contains("鴨川市に住んだ") || row.contains("別人"));

        // without a note (or on any other kind) there is no such row
        PLATFORM.on("GET", API + "/[^/]+", 200, Fixtures.DISPUTED_JSON);
        assertThat(page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN))))
                .contains("本人の申し出")
                .doesNotContain("本人からの申し出の内容", "resident-note");
        assertThat(page(get(R).param("lang", "en").with(login(Persona.KAMEDA_KENPO_ADMIN))))
                .doesNotContain("The resident&#39;s note");
    }

    @Test
    void linksOnlyAfterTheConfirmationAndRecordsTheDecision() throws Exception {
        String staff = newStaff();

        String confirm = page(decision(R, "LINK", "住民票の写しで転居を確認", staff));
        assertThat(confirm)
                .contains("この記録を結び付けますか", "一致しない・未記入の項目", "data-item=\"ADDRESS\"")
                .contains("name=\"confirmed\" value=\"yes\"", "href=\"" + R + "\"");
        assertThat(PLATFORM.calls()).noneMatch(call -> call.method().equals("POST"));

        mvc.perform(decision(R, "LINK", "住民票の写しで転居を確認", staff).param("confirmed", "yes"))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/link-reviews?status=OPEN&done=LINKED"));

        FakePlatform.Call decide = PLATFORM.calls().get(PLATFORM.calls().size() - 1);
        assertThat(decide.method()).isEqualTo("POST");
        assertThat(decide.path()).isEqualTo(API + "/" + Fixtures.REVIEW + "/decision");
        assertThat(PLATFORM.audienceOf(decide.bearer())).isEqualTo("relay-db-service");
        JsonNode body = json.readTree(decide.body());
        assertThat(body.path("decision").asText()).isEqualTo("LINK");
        assertThat(body.path("reason").asText()).isEqualTo("住民票の写しで転居を確認");
        assertThat(actionsOf(staff)).containsSubsequence("DECIDE_LINK_REVIEW ASKED", "DECIDE_LINK_REVIEW DONE");
        JsonNode before =
                recorded(staff, "DECIDE_LINK_REVIEW", "ASKED", "before").get(0);
        JsonNode after = recorded(staff, "DECIDE_LINK_REVIEW", "DONE", "after").get(0);
        assertThat(before.path("decision").asText()).isEqualTo("LINK");
        assertThat(after.path("status").asText()).isEqualTo("LINKED");
        assertThat(after.path("decision").asText()).isEqualTo("LINK");
        assertThat(after.path("localId").asText()).isEqualTo("06139999|10|2003|00");
        assertThat(before.toString() + after).doesNotContain("鴨川", "カモガワ", "横渚", "1970");
        assertThat(jdbc.sql("SELECT reason FROM admin_action WHERE staff_id = :s AND outcome = 'ASKED'"
                                + " AND action = 'DECIDE_LINK_REVIEW'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo("住民票の写しで転居を確認");

        String list = page(get("/insurers/kameda-kenpo/link-reviews")
                .param("done", "LINKED")
                .with(login(Persona.KAMEDA_KENPO_ADMIN, staff)));
        assertThat(list).contains("結び付けました。");
    }

    @Test
    void confirmsADisputedLinkIsNotTheirsOnlyAfterTheConfirmation() throws Exception {
        PLATFORM.on("GET", API + "/[^/]+", 200, Fixtures.DISPUTED_JSON);
        PLATFORM.on(
                "POST",
                API + "/[^/]+/decision",
                200,
                Fixtures.DISPUTED_JSON.replace("\"status\":\"OPEN\"", "\"status\":\"CONFIRMED_NOT_THEIRS\""));

        assertThat(page(decision(R, "CONFIRM_NOT_THEIRS", "別人の記録と確認")))
                .contains("本人のものではないと確認しますか", "取り消しはできません", "data-item=\"KANJI_NAME\"");
        assertThat(PLATFORM.calls()).noneMatch(call -> call.method().equals("POST"));

        mvc.perform(decision(R, "CONFIRM_NOT_THEIRS", "別人の記録と確認").param("confirmed", "yes"))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/link-reviews?status=OPEN&done=CONFIRMED_NOT_THEIRS"));
        assertThat(json.readTree(PLATFORM.calls()
                                .get(PLATFORM.calls().size() - 1)
                                .body())
                        .path("decision")
                        .asText())
                .isEqualTo("CONFIRM_NOT_THEIRS");
    }

    @Test
    void rejectsAndReinstatesAtOnceWithoutAConfirmation() throws Exception {
        PLATFORM.on(
                "POST",
                API + "/[^/]+/decision",
                200,
                Fixtures.REVIEW_JSON.replace("\"status\":\"OPEN\"", "\"status\":\"REJECTED\""));

        mvc.perform(decision(R, "REJECT", "別の方でした"))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/link-reviews?status=OPEN&done=REJECTED"));

        assertThat(PLATFORM.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.body()).contains("\"decision\":\"REJECT\"");
        });
    }

    @Test
    void refusesADecisionWithoutAReasonOrOneTheKindDoesNotTakeWithoutAsking() throws Exception {
        assertThat(page(decision(R, "REJECT", "  "), 400)).contains("理由を500文字までで入力してください");
        assertThat(page(decision(R, "DELETE", "x"), 400)).contains("判断を選んでください");
        PLATFORM.on("GET", API + "/[^/]+", 200, Fixtures.DISPUTED_JSON);
        assertThat(page(decision(R, "LINK", "同じ人"), 400)).contains("判断を選んでください");
        assertThat(PLATFORM.calls()).noneMatch(call -> call.method().equals("POST"));
    }

    @Test
    void saysTheRelaysRefusalsAsDesignedPagesWithTheWayBackAndRecordsThem() throws Exception {
        String staff = newStaff();
        PLATFORM.on(
                "POST",
                API + "/[^/]+/decision",
                409,
                "{\"status\":409,\"code\":\"REVIEW_DECIDED\",\"detail\":\"a stack trace must not show\"}");
        assertThat(page(decision(R, "REJECT", "別の方", staff), 409))
                .contains("この確認はすでに判断されています", "This review has already been decided")
                .contains("409 REVIEW_DECIDED", "href=\"" + R + "\"")
                .doesNotContain("a stack trace must not show");

        PLATFORM.on(
                "POST",
                API + "/[^/]+/decision",
                400,
                "{\"status\":400,\"code\":\"DECISION_NOT_ALLOWED\",\"detail\":\"no\"}");
        assertThat(page(decision(R, "REJECT", "別の方", staff), 400))
                .contains("その判断は選べません", "does not take that decision", "href=\"" + R + "\"");
        assertThat(jdbc.sql("SELECT problem FROM admin_action WHERE staff_id = :s AND outcome = 'REFUSED' ORDER BY at")
                        .param("s", staff)
                        .query(String.class)
                        .list())
                .containsExactly("REVIEW_DECIDED", "DECISION_NOT_ALLOWED");

        PLATFORM.on("GET", API + "/[^/]+", 404, "{\"status\":404,\"code\":\"REVIEW_NOT_FOUND\",\"detail\":\"no\"}");
        assertThat(page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN)), 404))
                .contains("この照合の確認は見つかりません", "href=\"/insurers/kameda-kenpo/link-reviews\"");
        PLATFORM.on("GET", API + "/[^/]+", 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"detail\":\"no\"}");
        assertThat(page(get(R).with(login(Persona.KAMEDA_KENPO_ADMIN)), 403))
                .contains("この操作を行う権限がありません", "You are not allowed to do this");
    }

    private MockHttpServletRequestBuilder decision(String review, String decision, String reason) {
        return decision(review, decision, reason, Persona.KAMEDA_KENPO_ADMIN.subject);
    }

    private MockHttpServletRequestBuilder decision(String review, String decision, String reason, String staff) {
        return post(review + "/decision")
                .param("decision", decision)
                .param("reason", reason)
                .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                .with(csrf());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, 200);
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one of the five items, from its opening tag to its end. */
    private static String row(String page, String item) {
        int at = page.indexOf("data-item=\"" + item + "\"");
        assertThat(at).as("the row of %s", item).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }

    private List<JsonNode> recorded(String staff, String action, String outcome, String column) throws Exception {
        List<String> values = jdbc.sql("SELECT " + column + "::text FROM admin_action WHERE staff_id = :s"
                        + " AND action = :a AND outcome = :o ORDER BY at")
                .param("s", staff)
                .param("a", action)
                .param("o", outcome)
                .query(String.class)
                .list();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String value : values) {
            nodes.add(json.readTree(value));
        }
        return nodes;
    }
}
