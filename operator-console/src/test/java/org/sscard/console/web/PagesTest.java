package org.sscard.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Html;
import org.sscard.console.support.Persona;

/**
 * Every screen of the console, in Japanese and in English: it renders (no unresolved message), says its language,
 * labels every field, has one place to start with the keyboard, a way to the skip link, a way back and a way out.
 */
class PagesTest extends ConsoleTest {

    private static final String P = "/residents/" + Fixtures.PERSON;

    /** A complete joiner, as the register form sends it. */
    private static final MultiValueMap<String, String> JOINER = new LinkedMultiValueMap<>(Map.of(
            "symbol", List.of("10"),
            "number", List.of("2003"),
            "branch", List.of("00"),
            "relationship", List.of("INSURED"),
            "nameKana", List.of("カモガワ ハナコ"),
            "nameKanji", List.of("鴨川 花子"),
            "dateOfBirth", List.of("1970-04-01"),
            "sex", List.of("FEMALE"),
            "acquiredOn", List.of("2026-12-01"),
            "copayPercent", List.of("30")));

    /** A screen: who sees it, how it is asked for, the status it answers with, a text it must show (ja, en). */
    record Screen(
            String name,
            Persona persona,
            int status,
            String ja,
            String en,
            Function<String, MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Screen> screens() {
        List<Screen> screens = new ArrayList<>();
        screens.add(new Screen("entrance", null, 200, "職員カードでログイン", "Log in with the staff card", l -> get("/")));
        screens.add(new Screen(
                "refusal",
                Persona.RECEPTION_CLERK,
                403,
                "この入口は管理者専用です",
                "This entrance is for administrators only",
                l -> get("/refused")));
        screens.add(new Screen(
                "forbidden",
                Persona.KAMEDA_KENPO_ADMIN,
                403,
                "このページは表示できません",
                "This page cannot be shown",
                l -> get("/forbidden")));
        screens.add(new Screen("search", Persona.CITY_ADMIN, 200, "住民を探す", "Find a resident", l -> get("/residents")));
        screens.add(new Screen(
                "search, nobody found",
                Persona.CITY_ADMIN,
                404,
                "一致する住民はいません",
                "No resident matches",
                l -> post("/residents/search")
                        .param("provisionalSsn", "999999999999")
                        .param("dateOfBirth", "1970-04-01")));
        screens.add(new Screen(
                "search, invalid",
                Persona.CITY_ADMIN,
                400,
                "数字12桁です",
                "has 12 digits",
                l -> post("/residents/search").param("provisionalSsn", "12").param("dateOfBirth", "x")));
        screens.add(new Screen(
                "registration", Persona.CITY_ADMIN, 200, "住民を登録する", "Register a resident", l -> get("/residents/new")));
        screens.add(new Screen(
                "registration, invalid",
                Persona.CITY_ADMIN,
                400,
                "性別を選んでください",
                "Choose the sex",
                l -> post("/residents").param("nameKana", "カモガワ")));
        screens.add(new Screen("resident", Persona.CITY_ADMIN, 200, "鴨川 花子", "Kamogawa City NHI", l -> get(P)));
        screens.add(new Screen(
                "soft card", Persona.CITY_ADMIN, 200, "暗証番号（確認のためもう一度）", "PIN again", l -> get(P + "/soft-card")));
        screens.add(new Screen(
                "soft card, PINs differ",
                Persona.CITY_ADMIN,
                400,
                "一致しません",
                "do not match",
                l -> post(P + "/soft-card").param("pin", "4826").param("pinRepeat", "4827")));
        screens.add(new Screen(
                "card issued, gone",
                Persona.CITY_ADMIN,
                200,
                "ダウンロード済み",
                "downloaded already",
                l -> get(P + "/cards/issued/" + Fixtures.MAPPING)));
        screens.add(new Screen(
                "suspend",
                Persona.CITY_ADMIN,
                200,
                "カードを一時停止する",
                "Suspend the card",
                l -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")));
        screens.add(new Screen(
                "resume",
                Persona.CITY_ADMIN,
                200,
                "カードの利用を再開する",
                "Resume the card",
                l -> get(P + "/cards/" + Fixtures.SUSPENDED_CARD + "/resume")));
        screens.add(new Screen(
                "revoke",
                Persona.CITY_ADMIN,
                200,
                "keyCompromise",
                "cessationOfOperation",
                l -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")));
        screens.add(new Screen(
                "revoke, confirmation",
                Persona.CITY_ADMIN,
                200,
                "本当に失効させますか",
                "Revoke this card for good?",
                l -> post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")
                        .param("case", "DECEASED")
                        .param("reason", "死亡届")));
        screens.add(new Screen(
                "reissue",
                Persona.CITY_ADMIN,
                200,
                "カードを再発行する",
                "Reissue the card",
                l -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/reissue")));
        screens.add(new Screen(
                "token card",
                Persona.CITY_ADMIN,
                200,
                "bin/sscard-issuer issue-token-card --enrolment-code",
                "Issue an enrolment code",
                l -> get(P + "/token-card")));
        screens.add(new Screen(
                "enrolment code, gone",
                Persona.CITY_ADMIN,
                200,
                "一度だけ表示されます",
                "shown once",
                l -> get(P + "/token-card/code")));
        screens.add(new Screen(
                "problem",
                Persona.CITY_ADMIN,
                409,
                "すでに利用登録されています",
                "already registered",
                l -> post(P + "/subscriptions/" + Fixtures.SUBSCRIPTION + "/end")));
        screens.add(new Screen(
                "members",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "太海 健",
                "Register loss of coverage",
                l -> get("/insurers/kameda-kenpo/members")));
        screens.add(new Screen(
                "members, searched",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "検索の結果",
                "Search results",
                l -> get("/insurers/kameda-kenpo/members").param("q", "アマツ")));
        screens.add(new Screen(
                "joiner",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "照合する5項目",
                "the five items compared",
                l -> get("/insurers/kameda-kenpo/members/new")));
        screens.add(new Screen(
                "joiner, invalid",
                Persona.KAMEDA_KENPO_ADMIN,
                400,
                "本人か家族かを選んでください",
                "Choose insured person or dependant",
                l -> post("/insurers/kameda-kenpo/members").param("nameKana", "カモガワ")));
        screens.add(new Screen(
                "joiner, exists",
                Persona.KAMEDA_KENPO_ADMIN,
                409,
                "すでに登録されています",
                "already registered",
                l -> post("/insurers/kameda-kenpo/members").params(JOINER)));
        screens.add(new Screen(
                "loss",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "保険が使えなくなる最初の日",
                "The first day not covered",
                l -> get("/insurers/kameda-kenpo/members/loss").param("member", Fixtures.LOCAL_ID)));
        screens.add(new Screen(
                "loss, registered already",
                Persona.KAMEDA_KENPO_ADMIN,
                409,
                "この資格喪失日はすでに登録されています",
                "This loss date is already registered",
                l -> post("/insurers/kameda-kenpo/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", "2026-12-01")));
        String r = "/insurers/kameda-kenpo/link-reviews/" + Fixtures.REVIEW;
        screens.add(new Screen(
                "link reviews",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "本人の申し出",
                "Disputed by the resident",
                l -> get("/insurers/kameda-kenpo/link-reviews")));
        screens.add(new Screen("link review", Persona.KAMEDA_KENPO_ADMIN, 200, "不一致", "differs", l -> get(r)));
        screens.add(new Screen(
                "link review, disputed with the resident's note",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "本人からの申し出の内容",
                "The resident&#39;s note",
                l -> get("/insurers/kameda-kenpo/link-reviews/" + Fixtures.NOTED_REVIEW)));
        screens.add(new Screen(
                "link review, no reason",
                Persona.KAMEDA_KENPO_ADMIN,
                400,
                "理由を500文字までで",
                "Enter the reason, up to 500 characters",
                l -> post(r + "/decision").param("decision", "REJECT")));
        screens.add(new Screen(
                "link review, confirmation",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "この記録を結び付けますか",
                "Link this record?",
                l -> post(r + "/decision").param("decision", "LINK").param("reason", "同じ人と確認")));
        screens.add(new Screen(
                "link review, decided already",
                Persona.KAMEDA_KENPO_ADMIN,
                409,
                "この確認はすでに判断されています",
                "This review has already been decided",
                l -> post(r + "/decision").param("decision", "REJECT").param("reason", "別の方")));
        screens.add(new Screen(
                "linkage",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "前の保険の資格喪失の連絡",
                "Previous-coverage notices",
                l -> get("/insurers/kameda-kenpo/linkage")));
        screens.add(new Screen(
                "upload",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "健診結果",
                "Checkup results",
                l -> get("/insurers/kameda-kenpo/imports")));
        screens.add(new Screen(
                "import report",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "何も取り込みませんでした",
                "nothing was imported",
                l -> multipart("/insurers/kameda-kenpo/imports")
                        .file(new MockMultipartFile(
                                "file", "bad.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "eligibility")));
        String v = "/insurers/kameda-kenpo/dependants/" + Fixtures.VERIFICATION;
        screens.add(new Screen(
                "dependant verifications",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "天津 一郎",
                "To review",
                l -> get("/insurers/kameda-kenpo/dependants")));
        screens.add(new Screen(
                "dependant verification",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "就職しました",
                "No longer a dependant",
                l -> get(v)));
        screens.add(new Screen(
                "dependant verification, no reason to return",
                Persona.KAMEDA_KENPO_ADMIN,
                400,
                "差し戻す理由を200文字までで",
                "Give the reason for returning it",
                l -> post(v + "/return").param("reason", " ")));
        screens.add(new Screen(
                "accept, confirmation",
                Persona.KAMEDA_KENPO_ADMIN,
                200,
                "本日で被扶養者としての資格を失います",
                "This cannot be undone",
                l -> post(v + "/accept")));
        screens.add(new Screen(
                "accept, decided already",
                Persona.KAMEDA_KENPO_ADMIN,
                409,
                "すでに承認または差し戻しされています",
                "already been accepted or returned",
                l -> post(v + "/accept").param("confirmed", "yes")));
        return screens;
    }

    static Stream<Arguments> screensInBothLanguages() {
        return screens().stream().flatMap(screen -> Stream.of(Arguments.of(screen, "ja"), Arguments.of(screen, "en")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("screensInBothLanguages")
    void rendersEveryScreenInItsLanguageWithLabelsAWayBackAndAWayOut(Screen screen, String lang) throws Exception {
        refusals();
        MvcResult result = mvc.perform(request(screen, lang)).andReturn();
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(result.getResponse().getStatus()).as(screen.name()).isEqualTo(screen.status());
        assertThat(Html.lang(page)).isEqualTo(lang);
        assertThat(page).contains(lang.equals("ja") ? screen.ja() : screen.en());
        assertThat(page)
                .doesNotContain("??")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("at org.");
        assertThat(page).contains("href=\"#main\"", "<main id=\"main\"");
        assertThat(Html.unlabelledFields(page)).isEmpty();
        assertThat(Html.duplicateIds(page)).isEmpty();
        assertThat(Html.danglingDescriptions(page)).isEmpty();
        assertThat(Html.autofocused(page)).isLessThanOrEqualTo(1);
        assertThat(page)
                .as("the other language's switch")
                .contains(lang.equals("ja") ? "hreflang=\"en\"" : "hreflang=\"ja\"");
        if (screen.persona() != null) {
            assertThat(page).as("a way out").contains("action=\"/logout\"");
            assertThat(page)
                    .as("a way back")
                    .containsAnyOf("href=\"/residents", "href=\"/insurers/", "href=\"/home\"", "href=\"/\"");
        } else {
            assertThat(page).contains("/oauth2/authorization/sscard");
        }
    }

    /** The back ends' refusals some screens show: nobody found, a subscription already there, a rejected file. */
    static void refusals() {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons/lookup/by-provisional-ssn",
                404,
                "{\"status\":404,\"code\":\"PERSON_NOT_MATCHED\",\"detail\":\"no\"}");
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons/[^/]+/subscriptions/[^/]+/withdraw",
                409,
                "{\"status\":409,\"code\":\"DUPLICATE_SUBSCRIPTION\",\"detail\":\"already\"}");
        PLATFORM.on("POST", "/adapters/[^/]+/api/v1/imports/[^/]+", 422, Fixtures.REJECTED_PROBLEM);
        PLATFORM.on(
                "POST",
                "/adapters/[^/]+/api/v1/dependant-verifications/[^/]+/accept",
                409,
                "{\"status\":409,\"code\":\"VERIFICATION_DECIDED\",\"detail\":\"decided\"}");
        PLATFORM.on(
                "POST",
                "/adapters/[^/]+/api/v1/members",
                409,
                "{\"status\":409,\"code\":\"MEMBER_EXISTS\",\"detail\":\"exists\"}");
        PLATFORM.on(
                "POST",
                "/adapters/[^/]+/api/v1/members/[^/]+/loss",
                409,
                "{\"status\":409,\"code\":\"LOSS_ALREADY_REGISTERED\",\"detail\":\"same date\"}");
        PLATFORM.on(
                "POST",
                "/relay/api/v1/providers/[^/]+/link-reviews/[^/]+/decision",
                409,
                "{\"status\":409,\"code\":\"REVIEW_DECIDED\",\"detail\":\"decided\"}");
    }

    /** A screen's request as its operator makes it, in {@code lang}. */
    MockHttpServletRequestBuilder request(Screen screen, String lang) {
        MockHttpServletRequestBuilder request =
                screen.request().apply(lang).param("lang", lang).with(csrf());
        if (screen.persona() != null) {
            request.with(login(screen.persona()));
        }
        return request;
    }

    @Test
    void theRefusalSaysItInBothLanguagesAtOnceAndOffersOnlyTheWayOut() throws Exception {
        String page = mvc.perform(get("/refused").with(login(Persona.RESIDENT)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("このカードでは運用コンソールを使えません", "This card cannot be used at the operators")
                .contains("lang=\"en\"", "action=\"/logout\"")
                .doesNotContain("href=\"/residents", "href=\"/insurers/");
    }
}
