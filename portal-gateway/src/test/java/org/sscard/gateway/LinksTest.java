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
import org.sscard.gateway.support.RelayLinkage;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/**
 * "Linked services" and "this is not me": the resident's links with their state in words; saying a link is not
 * them after a plain explanation stops the provider at once (the cached pairwise token is dropped, the relay
 * releases nothing more), the tile goes, the relay logs it; the administrator's outcome shows in words; the relay's
 * refusals are pages in the portal's look.
 */
class LinksTest extends GatewayTest {

    private static final RelayLinkage LINKAGE = new RelayLinkage(RELAY);

    private Browser loggedIn(UUID person) {
        Browser browser = browser();
        browser.login(person);
        return browser;
    }

    static String csrf(String page) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        return "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    /** The card of one link on the page. */
    static String card(String page, UUID mapping) {
        Matcher card = Pattern.compile(
                        "<li[^>]*data-mapping=\"" + mapping + "\".*?</li>\\s*(?=<li|</ul>)", Pattern.DOTALL)
                .matcher(page);
        assertThat(card.find()).as("the link's card on the page").isTrue();
        return card.group();
    }

    private static UUID person(String kana) {
        return RELAY.createPerson(RelayFixture.newPersonalId(), kana, RelayFixture.newProvisionalSsn());
    }

    @Test
    void sayingThisIsNotMeAfterAPlainExplanationStopsTheProviderAtOnceWithoutWaitingForItsToken() {
        UUID person = person("ワタシ デハナイ");
        try (StandInProvider insurer = new StandInProvider(RelayFixture.newKey("notme"))) {
            RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "notices", "/notices");
            UUID mapping = RELAY.mapLocalNumber(person, insurer.key(), "N-0001");
            RELAY.subscribe(person, insurer.key(), "notices");
            Browser browser = loggedIn(person);
            String proxied = "/p/" + insurer.key() + "/echo";
            assertThat(browser.get(proxied).statusCode()).isEqualTo(200);
            int exchanges = AUTH.exchangesFor(insurer.key());
            assertThat(browser.get(proxied).statusCode()).isEqualTo(200);
            assertThat(AUTH.exchangesFor(insurer.key()))
                    .as("the pairwise token is cached in the session, valid for minutes")
                    .isEqualTo(exchanges);
            String name = "試験機関 " + insurer.key();

            assertThat(browser.get("/").body()).contains("href=\"/links\"");
            String links = browser.get("/links").body();
            String notMe = "/links/" + mapping + "/not-me";
            assertThat(card(links, mapping))
                    .contains(name)
                    .contains("健康保険（保険者）")
                    .contains("使われています")
                    .contains("機関または市の登録による")
                    .contains("href=\"" + notMe + "\"")
                    .contains("これは私ではありません")
                    .doesNotContain("N-0001");
            assertThat(links).contains("マイポータルへ戻る").contains("id=\"logout-form\"");
            assertThat(card(browser.get("/links?lang=en").body(), mapping))
                    .contains("Test provider " + insurer.key())
                    .contains("In use")
                    .contains("This is not me");

            String explanation = browser.get(notMe + "?lang=ja").body();
            assertThat(explanation)
                    .contains("「" + name + "」とのつながりについて、「これは私ではありません」と申し出ますか？")
                    .contains("このつながりを、すぐに止めます。マイポータルから" + name + "のページを開けなくなり")
                    .contains(name + "の担当者が、その記録があなたのものかどうかを確認します。")
                    .contains("確認の結果は「つながっているサービス」のページでお知らせします。")
                    .contains("確認が終わるまで、病院などの受付で、" + name + "の資格を確認できません。")
                    .contains("method=\"post\" action=\"" + notMe + "\"")
                    .contains("伝えたいことがあれば書いてください（任意・500文字まで）。" + name + "の担当者が確認に使います。")
                    .contains("href=\"/links\"")
                    .contains("申し出ないで戻る");
            assertThat(browser.get(notMe + "?lang=en").body())
                    .contains("The link is stopped at once")
                    .contains("Staff at Test provider " + insurer.key() + " check whether the record is yours.");
            assertThat(browser.post(notMe, "").statusCode()).as("no CSRF token").isEqualTo(403);
            assertThat(browser.get(proxied).statusCode())
                    .as("nothing changed without the token")
                    .isEqualTo(200);
            browser.get(notMe + "?lang=ja");
            HttpResponse<String> tooLong = browser.post(
                    notMe, csrf(explanation) + "&reason=" + URLEncoder.encode("あ".repeat(501), StandardCharsets.UTF_8));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body())
                    .contains("伝えたいことは500文字までにしてください。まだ申し出ていません。")
                    .contains("aria-invalid=\"true\"")
                    .contains("あ".repeat(501));
            assertThat(browser.get(proxied).statusCode())
                    .as("nothing changed with too long a text")
                    .isEqualTo(200);
            assertThat(RELAY.accessLog(person).findValuesAsText("action")).doesNotContain("LINK_DISPUTED");
            int reached = insurer.calls();

            HttpResponse<String> disputed = browser.post(
                    notMe,
                    csrf(explanation) + "&reason=" + URLEncoder.encode("この保険に入ったことはありません", StandardCharsets.UTF_8));
            assertThat(disputed.statusCode()).isEqualTo(303);
            assertThat(disputed.headers().firstValue("Location")).hasValue("/links");

            // at once: the cached token (minutes left) is gone, and auth-service, asking the relay, gets nothing
            HttpResponse<String> refused = browser.get(proxied, "Accept", "text/html");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("NOT_JOINED");
            assertThat(insurer.calls()).as("nothing reached the provider after").isEqualTo(reached);
            assertThat(AUTH.exchangesFor(insurer.key())).isEqualTo(exchanges);

            String after = browser.get("/links?lang=ja").body();
            assertThat(after)
                    .contains("role=\"status\"")
                    .contains("「" + name + "」とのつながりを止めました。" + name + "の担当者が確認します。");
            assertThat(card(after, mapping))
                    .contains("data-state=\"UNDER_REVIEW\"")
                    .contains("止めています（確認中）")
                    .contains(name + "の担当者が確認しています。")
                    .doesNotContain(notMe);
            assertThat(browser.get("/links").body())
                    .as("the notice is shown once")
                    .doesNotContain("とのつながりを止めました");
            assertThat(card(browser.get("/links?lang=en").body(), mapping)).contains("Suspended — under review");
            String portal = browser.get("/?lang=ja").body();
            assertThat(portal)
                    .doesNotContain("data-provider=\"" + insurer.key() + "\" data-state=")
                    .doesNotContain("href=\"/p/" + insurer.key() + "/notices\"")
                    .doesNotContain("data-counter=\"" + insurer.key() + "\"")
                    .contains("確認中のつながりがあります。");
            // a second press (the back button) changes nothing and says so as before
            assertThat(browser.post(notMe, csrf(explanation)).statusCode()).isEqualTo(303);
            assertThat(browser.get(notMe).headers().firstValue("Location"))
                    .as("nothing left to confirm")
                    .hasValue("/links");

            JsonNode row = relayRow(person, "LINK_DISPUTED");
            assertThat(row.path("caller").asText()).isEqualTo("portal-gateway");
            assertThat(row.path("actingFor").asText()).isEqualTo("person:" + person);
            String log = browser.get("/access-log").body();
            assertThat(AccessLogTest.row(log, "あなたが「これは私ではありません」と申し出ました（" + name + "）"))
                    .contains("（ご本人の操作による）");
            assertThat(log).doesNotContain("LINK_DISPUTED");
            assertThat(browser.get("/access-log?lang=en").body())
                    .contains("You said &quot;this is not me&quot; (Test provider " + insurer.key() + ")")
                    .doesNotContain("LINK_DISPUTED");
        }
    }

    @Test
    void showsTheAdministratorsOutcomeInWordsAndRefusesARemovedLinkWithAPage() {
        UUID person = person("ケッカ ミル");
        try (StandInProvider wrong = new StandInProvider(RelayFixture.newKey("notmine"));
                StandInProvider mine = new StandInProvider(RelayFixture.newKey("mine"))) {
            RELAY.registerProvider(wrong.key(), "PROXY", wrong.baseUrl(), "notices", "/notices");
            RELAY.registerProvider(mine.key(), "PROXY", mine.baseUrl(), "notices", "/notices");
            UUID removed = RELAY.mapLocalNumber(person, wrong.key(), "W-0001");
            UUID restored = RELAY.mapLocalNumber(person, mine.key(), "M-0001");
            RELAY.subscribe(person, mine.key(), "notices");
            Browser browser = loggedIn(person);
            for (UUID mapping : new UUID[] {removed, restored}) {
                String notMe = "/links/" + mapping + "/not-me";
                assertThat(browser.post(notMe, csrf(browser.get(notMe).body())).statusCode())
                        .isEqualTo(303);
            }
            assertThat(browser.get("/p/" + mine.key() + "/echo").statusCode()).isEqualTo(403);

            LINKAGE.decide(wrong.key(), onlyReview(wrong.key()), "CONFIRM_NOT_THEIRS");
            LINKAGE.decide(mine.key(), onlyReview(mine.key()), "REINSTATE");

            String links = browser.get("/links").body();
            assertThat(card(links, removed))
                    .contains("data-state=\"NOT_YOURS\"")
                    .contains("あなたのものではないと確認され、削除されました")
                    .contains("試験機関 " + wrong.key() + "が、この記録はあなたのものではないと確認しました。")
                    .doesNotContain("これは私ではありません");
            assertThat(card(links, restored))
                    .contains("data-state=\"ACTIVE\"")
                    .contains("使われています")
                    .contains("確認した結果、この記録はあなたのものでした。つながりを元に戻しました。")
                    .contains("これは私ではありません");
            String english = browser.get("/links?lang=en").body();
            assertThat(card(english, removed)).contains("Confirmed not yours — removed");
            assertThat(card(english, restored)).contains("this record is yours. The link has been restored.");
            assertThat(browser.get("/p/" + mine.key() + "/echo").statusCode())
                    .as("the restored link works again")
                    .isEqualTo(200);

            // the removed link: nothing left to say; the relay's 409 as a page, also straight to the POST
            HttpResponse<String> page = browser.get("/links/" + removed + "/not-me");
            assertThat(page.statusCode()).isEqualTo(409);
            String token = csrf(browser.get("/links?lang=ja").body());
            HttpResponse<String> posted = browser.post("/links/" + removed + "/not-me", token);
            assertThat(posted.statusCode()).isEqualTo(409);
            assertThat(posted.body())
                    .contains("data-code=\"LINK_REMOVED\"")
                    .contains("このつながりは、すでに削除されています")
                    .contains("試験機関 " + wrong.key() + "とのつながりは、確認の結果すでに削除されています。")
                    .contains("href=\"/links\"")
                    .contains("id=\"logout-form\"")
                    .contains("サポート窓口")
                    .doesNotContain("Exception");

            String log = browser.get("/access-log").body();
            assertThat(AccessLogTest.row(log, "試験機関 " + wrong.key() + "の担当者が照合のため確認しました"))
                    .contains("（保険者の管理担当者）");
            assertThat(AccessLogTest.row(log, "試験機関 " + mine.key() + "の担当者が照合について判断しました"))
                    .contains("（保険者の管理担当者）");
            assertThat(log).doesNotContain("LINK_REVIEW_READ").doesNotContain("LINK_REVIEW_DECIDED");
            assertThat(browser.get("/access-log?lang=en").body())
                    .contains("Staff at Test provider " + wrong.key() + " looked, to check a link")
                    .contains("Staff at Test provider " + mine.key() + " decided on a link");
        }
    }

    @Test
    void answersALinkThatIsNotTheResidentsWithAPageAndChangesNothing() {
        UUID mine = person("ジブン ノ");
        UUID theirs = person("タニン ノ");
        String provider = RelayFixture.newKey("other");
        RELAY.registerProvider(provider, "PROXY", "https://" + provider + ".example", "notices", "/notices");
        UUID theirMapping = RELAY.mapLocalNumber(theirs, provider, "O-0001");
        RELAY.subscribe(theirs, provider, "notices");
        Browser browser = loggedIn(mine);
        String token = csrf(browser.get("/links").body());

        // straight to the POST with someone else's link: the relay decides and refuses
        HttpResponse<String> refused = browser.post("/links/" + theirMapping + "/not-me", token);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body())
                .contains("data-code=\"LINK_NOT_FOUND\"")
                .contains("このつながりは見つかりません")
                .contains("何も変わっていません")
                .contains("href=\"/links\"")
                .contains("id=\"logout-form\"")
                .doesNotContain("at org.");
        assertThat(RELAY.accessLog(theirs).findValuesAsText("action")).doesNotContain("LINK_DISPUTED");
        assertThat(RELAY.localNumber(theirs, provider))
                .as("their link untouched")
                .isEqualTo("O-0001");
        HttpResponse<String> english = browser.get("/links/" + theirMapping + "/not-me?lang=en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body())
                .contains("lang=\"en\"")
                .contains("This link was not found")
                .contains("Back to Linked services");
        assertThat(browser.get("/links/not-a-link/not-me").statusCode()).isEqualTo(404);
        assertThat(browser.post("/links/not-a-link/not-me", token).statusCode()).isEqualTo(404);
    }

    @Test
    void needsTheCardLogin() {
        for (String path : new String[] {"/links", "/links/" + UUID.randomUUID() + "/not-me"}) {
            HttpResponse<String> page = browser().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/login");
        }
        assertThat(browser().post("/links/" + UUID.randomUUID() + "/not-me", "").statusCode())
                .isEqualTo(403);
    }

    private static String onlyReview(String provider) {
        JsonNode items = LINKAGE.openReviews(provider);
        assertThat(items).as("one open review at " + provider).hasSize(1);
        assertThat(items.get(0).path("kind").asText()).isEqualTo("DISPUTED");
        return items.get(0).path("id").asText();
    }

    private static JsonNode relayRow(UUID person, String action) {
        for (JsonNode row : RELAY.accessLog(person)) {
            if (action.equals(row.path("action").asText())) {
                return row;
            }
        }
        throw new AssertionError("the relay logged no " + action + " for the person");
    }
}
