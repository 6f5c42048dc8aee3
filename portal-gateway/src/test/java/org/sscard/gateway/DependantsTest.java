package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInInsurer;
import org.sscard.testsupport.RelayFixture;

/**
 * 被扶養者確認 in My Portal: an insurer's tile links to the verification when it concerns the resident; the page
 * shows the dependants the insurer holds (asked server-side with the resident's pairwise token) and posts one answer
 * for each with the CSRF token, then says the insurer will review it. A refusal or an insurer that is down is the
 * portal's own page; a provider the resident did not join, or not an insurer, has no such page.
 */
class DependantsTest extends GatewayTest {

    static final StandInInsurer.Dependant SAKURA =
            new StandInInsurer.Dependant("01", "天津 さくら", "アマツ サクラ", "1978-02-14");
    static final StandInInsurer.Dependant HARUTO =
            new StandInInsurer.Dependant("02", "天津 はると", "アマツ ハルト", "2008-05-05");

    /** A resident joined to the insurer (registered here), known there as {@code localNumber}. */
    static UUID joinedPerson(StandInInsurer insurer, String localNumber) {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "アマツ イチロウ", RelayFixture.newProvisionalSsn());
        RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "eligibility", "/eligibility");
        RELAY.join(person, insurer.key(), "eligibility", localNumber);
        return person;
    }

    private Browser joined(StandInInsurer insurer, String localNumber) {
        Browser browser = browser();
        browser.login(joinedPerson(insurer, localNumber));
        return browser;
    }

    static String csrf(String page) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        return "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anInsurersTileLinksToTheVerificationWhenItIsDue() {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.household("D-1001", SAKURA);
            Browser browser = joined(insurer, "D-1001");

            String portal = browser.get("/").body();

            assertThat(portal)
                    .contains("data-dependants=\"DUE\"")
                    .contains("href=\"/dependants/" + insurer.key() + "\"")
                    .contains("被扶養者の確認をお願いします");
            assertThat(browser.get("/?lang=en").body()).contains("Please confirm your dependants");
        }
    }

    @Test
    void showsTheDependantsAndPostsOneAnswerForEachWithTheCsrfToken() throws Exception {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.household("D-1002", SAKURA, HARUTO);
            Browser browser = joined(insurer, "D-1002");
            String path = "/dependants/" + insurer.key();

            HttpResponse<String> page = browser.get(path);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("被扶養者の確認（2026年度）")
                    .contains("天津 さくら（アマツ サクラ）さん")
                    .contains("昭和53年（1978年）2月14日")
                    .contains("天津 はると（アマツ ハルト）さん")
                    .contains("name=\"answer-01\"")
                    .contains("value=\"NO_LONGER_DEPENDANT\"")
                    .contains("maxlength=\"200\"")
                    .contains("method=\"post\" action=\"" + path + "\" class=\"answers\"");
            assertThat(browser.get(path + "?lang=en").body())
                    .contains("Dependant verification (fiscal year 2026)")
                    .contains("Still my dependant");
            String answers = "&answer-01=STILL_DEPENDANT&answer-02=NO_LONGER_DEPENDANT&note-01=&note-02="
                    + encode("2026年4月に就職しました");
            assertThat(browser.post(path, answers.substring(1)).statusCode())
                    .as("no CSRF token")
                    .isEqualTo(403);
            assertThat(insurer.received()).isEmpty();

            HttpResponse<String> sent = browser.post(path, csrf(page.body()) + answers);

            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location")).hasValue(path);
            JsonNode body = insurer.received().get(0);
            assertThat(body.path("answers")).hasSize(2);
            assertThat(body.path("answers").get(0).path("dependant").asText()).isEqualTo("01");
            assertThat(body.path("answers").get(0).path("answer").asText()).isEqualTo("STILL_DEPENDANT");
            assertThat(body.path("answers").get(0).path("note").isNull()).isTrue();
            assertThat(body.path("answers").get(1).path("answer").asText()).isEqualTo("NO_LONGER_DEPENDANT");
            assertThat(body.path("answers").get(1).path("note").asText()).isEqualTo("2026年4月に就職しました");
            String after = browser.get(path + "?lang=ja").body();
            assertThat(after)
                    .contains("data-state=\"SUBMITTED\"")
                    .contains("送信しました。試験機関 " + insurer.key() + "が内容を確認します。")
                    .contains("扶養から外れた")
                    .contains("2026年4月に就職しました")
                    .doesNotContain("name=\"answer-01\"");
            assertThat(browser.get("/").body()).contains("data-dependants=\"SUBMITTED\"");
            // a second press of the button: the insurer says it has it already, the page shows how things stand
            assertThat(browser.post(path, csrf(page.body()) + answers).headers().firstValue("Location"))
                    .hasValue(path);
        }
    }

    @Test
    void answersThatLeaveADependantOutShowTheFormAgainWithWhatWasChosen() {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.household("D-1003", SAKURA, HARUTO);
            Browser browser = joined(insurer, "D-1003");
            String path = "/dependants/" + insurer.key();
            String token = csrf(browser.get(path).body());

            HttpResponse<String> again =
                    browser.post(path, token + "&answer-02=NO_LONGER_DEPENDANT&note-02=" + encode("別居"));

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body())
                    .contains("role=\"alert\"")
                    .contains("すべての方について")
                    .contains("value=\"NO_LONGER_DEPENDANT\" checked=\"checked\"")
                    .contains(">別居</textarea>");
        }
    }

    @Test
    void aDependantsOwnLoginIsRefusedOnThePortalsOwnPage() {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.dependant("D-1004");
            Browser browser = joined(insurer, "D-1004");

            assertThat(browser.get("/").body()).doesNotContain("/dependants/" + insurer.key());
            HttpResponse<String> refused = browser.get("/dependants/" + insurer.key());

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("data-code=\"DEPENDANTS_REFUSED\"")
                    .contains("この確認は、ここではできません")
                    .contains("被保険者ご本人が、ご自身のカードでログインして行います")
                    .contains("id=\"logout-form\"");
            assertThat(browser.get("/dependants/" + insurer.key() + "?lang=en").body())
                    .contains("You cannot do this verification here");
        }
    }

    @Test
    void anInsurerThatFailsIsNamedOnThePortalsOwnPageWithoutItsError() {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.household("D-1005", SAKURA);
            Browser browser = joined(insurer, "D-1005");
            insurer.failing(true);

            HttpResponse<String> down = browser.get("/dependants/" + insurer.key());

            assertThat(down.statusCode()).isEqualTo(502);
            assertThat(down.body())
                    .contains("data-code=\"PROVIDER_ERROR\"")
                    .contains("被扶養者の確認を、いま表示できません")
                    .contains("試験機関 " + insurer.key() + "に、いまつながりません。")
                    .contains("サポート窓口")
                    .doesNotContain("database gone");
            assertThat(browser.get("/dependants/" + insurer.key() + "?lang=en").body())
                    .contains("The dependant verification cannot be shown right now")
                    .contains("Test provider " + insurer.key() + " cannot be reached right now.");
        }
    }

    @Test
    void thereIsNoSuchPageForAProviderNotJoinedOrNotAnInsurer() {
        try (StandInInsurer insurer = new StandInInsurer(RelayFixture.newKey("kenpo"))) {
            insurer.household("D-1006", SAKURA);
            Browser browser = joined(insurer, "D-1006");
            String pension = RelayFixture.newKey("pension");
            RELAY.registerProviderActedForBy(pension, "pension", java.util.List.of());

            assertThat(browser.get("/dependants/" + RelayFixture.newKey("unjoined"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(browser.get("/dependants/" + pension).statusCode()).isEqualTo(404);
            assertThat(browser.get("/dependants/Bad..Key").statusCode()).isEqualTo(404);
            assertThat(browser().get("/dependants/" + insurer.key()).statusCode())
                    .as("no card login")
                    .isIn(302, 401);
        }
    }
}
