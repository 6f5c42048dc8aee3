package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/**
 * The resident's own choices in My Portal: what they can join (the provider holds an ID for them) and what needs a
 * registration at a counter first; joining after a plain explanation; leaving, which takes the tile away and stops
 * the provider's pages at once; refusals as pages; every change in "who looked at my data".
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser loggedIn(UUID person) {
        Browser browser = browser();
        browser.login(person);
        return browser;
    }

    private static String csrf(String page) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        return "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    /** The relay's newest access-log row of this action for the person, as the relay wrote it. */
    private static JsonNode relayRow(UUID person, String action) {
        for (JsonNode row : RELAY.accessLog(person)) {
            if (action.equals(row.path("action").asText())) {
                return row;
            }
        }
        throw new AssertionError("the relay logged no " + action + " for the person");
    }

    private static UUID person(String kana) {
        return RELAY.createPerson(RelayFixture.newPersonalId(), kana, RelayFixture.newProvisionalSsn());
    }

    @Test
    void listsWhatTheResidentCanJoinWithAButtonAndWhatNeedsTheCounterWithout() {
        UUID person = person("サンカ デキル");
        String known = RelayFixture.newKey("known");
        String unknown = RelayFixture.newKey("unknown");
        RELAY.registerProvider(known, "PROXY", "https://known.example", "notices", "/notices");
        RELAY.registerProvider(unknown, "PROXY", "https://unknown.example", "pension", "/pension");
        // enrolment by the provider makes the service joinable; it subscribes nobody
        RELAY.mapLocalNumber(person, known, "K-0001");

        String page = loggedIn(person).get("/").body();

        assertThat(page).contains("参加できるサービス").contains("窓口での登録が必要なサービス");
        assertThat(page).doesNotContain("data-provider=\"" + known + "\" data-state=");
        assertThat(page)
                .contains("data-provider=\"" + known + "\" data-service=\"notices\"")
                .contains("href=\"/join/" + known + "/notices\"");
        assertThat(page)
                .contains("data-counter=\"" + unknown + "\"")
                .contains("試験機関 " + unknown + "の窓口で登録してください。社会保障カードをお持ちください。")
                .doesNotContain("/join/" + unknown + "/");
        assertThat(loggedIn(person).get("/?lang=en").body())
                .contains("Services you can join")
                .contains("Services that need registration at the counter")
                .contains("Register at Test provider " + unknown
                        + "&#39;s counter. Please bring your social-security card.");
    }

    @Test
    void joinsOnlyAfterAPlainExplanationAndAPostWithTheCsrfTokenThenShowsTheTile() throws Exception {
        UUID person = person("サンカ スル");
        try (StandInProvider insurer = new StandInProvider(RelayFixture.newKey("joinme"))) {
            RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "notices", "/notices");
            RELAY.mapLocalNumber(person, insurer.key(), "J-0001");
            Browser browser = loggedIn(person);
            String join = "/join/" + insurer.key() + "/notices";

            String explanation = browser.get(join).body();
            assertThat(explanation)
                    .contains("「試験機関 " + insurer.key() + "」の「サービス notices」に参加しますか？")
                    .contains("試験機関 " + insurer.key() + "に伝わるのは、試験機関 " + insurer.key()
                            + "があなたに付けている番号（会員番号・被保険者番号など）だけです。")
                    .contains("ほかの機関があなたに付けている番号や、ほかの機関にあるあなたの情報は伝わりません。")
                    .contains("method=\"post\" action=\"" + join + "\"")
                    .contains("参加しないで戻る")
                    .contains("id=\"logout-form\"");
            assertThat(browser.get(join + "?lang=en").body())
                    .contains("Test provider " + insurer.key() + " learns only its own number for you")
                    .contains("It learns nothing from other organisations");

            assertThat(browser.post(join, "").statusCode()).as("no CSRF token").isEqualTo(403);
            assertThat(browser.get("/").body()).doesNotContain("data-provider=\"" + insurer.key() + "\" data-state=");

            HttpResponse<String> joined = browser.post(join, csrf(explanation));
            assertThat(joined.statusCode()).isEqualTo(303);
            assertThat(joined.headers().firstValue("Location")).hasValue("/");
            String portal = browser.get("/?lang=ja").body();
            assertThat(portal)
                    .contains("role=\"status\"")
                    .contains("「試験機関 " + insurer.key() + "」の「サービス notices」に参加しました。")
                    .contains("href=\"/p/" + insurer.key() + "/notices\"")
                    .doesNotContain("href=\"/join/" + insurer.key() + "/notices\"");
            assertThat(PortalPageTest.tileState(portal, insurer.key())).isEqualTo("AVAILABLE");
            assertThat(browser.get("/").body()).as("the notice is shown once").doesNotContain("に参加しました。");
            assertThat(JSON.readTree(
                                    browser.get("/p/" + insurer.key() + "/echo").body())
                            .path("sub")
                            .asText())
                    .isEqualTo("J-0001");
            // a second press (the back button, a double click) changes nothing and says so as before
            assertThat(browser.post(join, csrf(explanation)).statusCode()).isEqualTo(303);

            // the relay made and logged the change as the portal's own call, for the resident themself
            JsonNode subscribed = relayRow(person, "SUBSCRIBE");
            assertThat(subscribed.path("caller").asText()).isEqualTo("portal-gateway");
            assertThat(subscribed.path("actingFor").asText()).isEqualTo("person:" + person);
            assertThat(subscribed.path("providerKey").asText()).isEqualTo(insurer.key());
            String log = browser.get("/access-log").body();
            assertThat(AccessLogTest.row(log, "サービスへの参加（利用登録）"))
                    .contains("マイポータル")
                    .contains("（ご本人の操作による）")
                    .contains("My Portal: the resident joined the service (試験機関 " + insurer.key() + ")");
            assertThat(browser.get("/access-log?lang=en").body())
                    .contains("Joined a service")
                    .contains("(Test provider " + insurer.key() + ")");
        }
    }

    @Test
    void leavingTakesTheTileAwayAndRefusesTheProvidersNextRequestWithoutWaitingForItsToken() {
        UUID person = person("ヤメル ヒト");
        try (StandInProvider insurer = new StandInProvider(RelayFixture.newKey("leaveme"))) {
            RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "notices", "/notices");
            RELAY.join(person, insurer.key(), "notices", "Y-0001");
            Browser browser = loggedIn(person);
            String proxied = "/p/" + insurer.key() + "/echo";
            assertThat(browser.get(proxied).statusCode()).isEqualTo(200);
            int exchanges = AUTH.exchangesFor(insurer.key());
            assertThat(browser.get(proxied).statusCode()).isEqualTo(200);
            assertThat(AUTH.exchangesFor(insurer.key()))
                    .as("the pairwise token is cached in the session, valid for minutes")
                    .isEqualTo(exchanges);

            String portal = browser.get("/").body();
            assertThat(portal).contains("href=\"/leave/" + insurer.key() + "\"");
            String explanation = browser.get("/leave/" + insurer.key()).body();
            assertThat(explanation)
                    .contains("「試験機関 " + insurer.key() + "」をやめますか？")
                    .contains("マイポータルから「試験機関 " + insurer.key() + "」の表示が消えます。")
                    .contains("すぐに、マイポータルから試験機関 " + insurer.key() + "のページを開けなくなります。")
                    .contains("試験機関 " + insurer.key() + "が持っているあなたの記録は、試験機関 " + insurer.key() + "にそのまま残ります。")
                    .contains("method=\"post\" action=\"/leave/" + insurer.key() + "\"")
                    .contains("やめないで戻る");
            assertThat(browser.post("/leave/" + insurer.key(), "").statusCode())
                    .as("no CSRF token")
                    .isEqualTo(403);
            assertThat(browser.get(proxied).statusCode()).isEqualTo(200);
            int reached = insurer.calls();

            HttpResponse<String> left = browser.post("/leave/" + insurer.key(), csrf(explanation));
            assertThat(left.statusCode()).isEqualTo(303);
            assertThat(left.headers().firstValue("Location")).hasValue("/");

            // at once: the cached token (minutes left) is gone, and auth-service, asking the relay, refuses a new one
            HttpResponse<String> refused = browser.get(proxied, "Accept", "text/html");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("NOT_JOINED").contains("このサービスは利用登録されていません");
            assertThat(browser.get(proxied, "Accept", "application/json").body())
                    .contains("\"code\":\"NOT_JOINED\"");
            assertThat(insurer.calls())
                    .as("nothing reached the provider after leaving")
                    .isEqualTo(reached);
            assertThat(AUTH.exchangesFor(insurer.key())).isEqualTo(exchanges);

            String after = browser.get("/").body();
            assertThat(after)
                    .contains("「試験機関 " + insurer.key() + "」をやめました。")
                    .doesNotContain("data-provider=\"" + insurer.key() + "\" data-state=")
                    .doesNotContain("href=\"/p/" + insurer.key() + "/notices\"")
                    // still registered there, so it can be joined again
                    .contains("href=\"/join/" + insurer.key() + "/notices\"");
            assertThat(browser.get("/leave/" + insurer.key()).headers().firstValue("Location"))
                    .as("nothing left to leave")
                    .hasValue("/");
            JsonNode withdrawn = relayRow(person, "WITHDRAW");
            assertThat(withdrawn.path("caller").asText()).isEqualTo("portal-gateway");
            assertThat(withdrawn.path("actingFor").asText()).isEqualTo("person:" + person);
            assertThat(withdrawn.path("providerKey").asText()).isEqualTo(insurer.key());
            assertThat(AccessLogTest.row(browser.get("/access-log").body(), "サービスの参加取りやめ（利用停止）"))
                    .contains("マイポータル")
                    .contains("（ご本人の操作による）")
                    .contains("My Portal: the resident left the service (試験機関 " + insurer.key() + ")");
        }
    }

    @Test
    void answersAServiceTheProviderDoesNotKnowTheResidentForWithAPageSayingWhereToRegister(CapturedOutput output) {
        UUID person = person("マダ ミトウロク");
        String unknown = RelayFixture.newKey("counter");
        RELAY.registerProvider(unknown, "PROXY", "https://counter.example", "checkups", "/checkups");
        Browser browser = loggedIn(person);
        String token = csrf(browser.get("/").body());

        // straight to the POST, past the page that offers no button: the relay decides and refuses
        HttpResponse<String> refused = browser.post("/join/" + unknown + "/checkups", token);

        assertThat(output.getAll())
                .as("the relay's own refusal, not the gateway's guess")
                .contains("the relay answered 409 NOT_JOINABLE to /api/v1/persons/{id}/subscriptions");
        assertThat(RELAY.accessLog(person).findValuesAsText("action")).doesNotContain("SUBSCRIBE");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body())
                .contains("data-code=\"NOT_JOINABLE\"")
                .contains("このサービスには、まだ参加できません")
                .contains("試験機関 " + unknown + "の窓口で登録してください。社会保障カードをお持ちください。")
                .contains("href=\"/\"")
                .contains("id=\"logout-form\"")
                .contains("サポート窓口")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(browser.get("/").body()).doesNotContain("data-provider=\"" + unknown + "\" data-state=");

        HttpResponse<String> page = browser.get("/join/" + unknown + "/checkups?lang=en");
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body())
                .contains("lang=\"en\"")
                .contains("You cannot join this service yet")
                .contains("Please register at Test provider " + unknown + "&#39;s counter")
                .contains("Back to My Portal");
        assertThat(browser.get("/join/no-such-provider/checkups").statusCode()).isEqualTo(404);
        assertThat(browser.get("/join/" + unknown + "/no-such-service").statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/join/" + unknown + "/Bad..Key").statusCode()).isEqualTo(404);
    }

    @Test
    void needsTheCardLoginForEveryChoice() {
        String provider = RelayFixture.newKey("nologin");
        for (String path : new String[] {"/join/" + provider + "/notices", "/leave/" + provider}) {
            HttpResponse<String> page = browser().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/login");
            assertThat(browser().post(path, "").statusCode()).as(path).isEqualTo(403);
        }
    }
}
