package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.testsupport.RelayFixture;

/** The gateway's own pages: headers, CSRF, language, idle extension and logout. */
class PageSecurityTest extends GatewayTest {

    private Browser loggedIn() {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "ページ テスト", RelayFixture.newProvisionalSsn());
        Browser browser = browser();
        browser.login(person);
        return browser;
    }

    private static String csrf(String page) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        return token.group(1);
    }

    @Test
    void sendsAStrictContentSecurityPolicyAndNoFramingOnItsOwnPages() {
        HttpResponse<String> page = loggedIn().get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self' " + AUTH.url())
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
        assertThat(browser().get("/login").headers().firstValue("Content-Security-Policy"))
                .isPresent();
    }

    @Test
    void refusesTheGatewaysOwnPostsWithoutItsCsrfToken() {
        Browser browser = loggedIn();
        String token = csrf(browser.get("/").body());
        assertThat(browser.post("/session/extend", "").statusCode()).isEqualTo(403);
        assertThat(browser.post("/session/extend", "", "X-CSRF-TOKEN", token).statusCode())
                .isEqualTo(204);
        assertThat(browser.post("/session/extend", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void rendersThePageInEnglishOnRequestAndRemembersIt() {
        Browser browser = loggedIn();
        HttpResponse<String> english = browser.get("/?lang=en");
        assertThat(english.body())
                .contains("lang=\"en\"")
                .contains("Your services")
                .contains("Log out");
        assertThat(english.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("SSCARD_LANG=en"));
        assertThat(browser.get("/").body()).contains("lang=\"en\"").contains("Your services");
        assertThat(browser.get("/?lang=ja").body()).contains("lang=\"ja\"").contains("ご利用のサービス");
    }

    @Test
    void carriesTheServersIdleTimeoutAndTheWarningIntoThePage() {
        String page = loggedIn().get("/").body();
        assertThat(page)
                .contains("data-idle-seconds=\"900\"")
                .contains("data-warn-seconds=\"120\"")
                .contains("id=\"idle-dialog\"")
                .contains("id=\"idle-extend\"")
                .contains("/js/idle.js");
    }

    @Test
    void logsOutAtAuthServiceTooAndEndsOnTheRemoveYourCardPage() {
        Browser browser = loggedIn();
        String token = csrf(browser.get("/").body());
        int logouts = AUTH.logouts();
        HttpResponse<String> logout =
                browser.post("/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession)
                .startsWith(AUTH.url() + "/connect/logout?id_token_hint=")
                .contains("post_logout_redirect_uri="
                        + URLEncoder.encode("http://localhost:" + port + "/logged-out", StandardCharsets.UTF_8)
                                .replace("%3A", ":")
                                .replace("%2F", "/"));
        HttpResponse<String> bye = browser.get("/logged-out");
        assertThat(bye.body()).contains("カードをお取りください").contains("Please remove your card");
        assertThat(browser.get("/").headers().firstValue("Location")).hasValue("/login");
        assertThat(logouts).isEqualTo(AUTH.logouts()); // the browser, not the gateway, goes to auth-service
    }

    /** A logout started elsewhere (the hospital's button, SAML single logout) ends here: no My Portal is left open. */
    @Test
    void theRemoveYourCardPageEndsAGatewaySessionLeftOpen() {
        Browser browser = loggedIn();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> bye = browser.get("/logged-out");

        assertThat(bye.body()).contains("カードをお取りください");
        assertThat(browser.get("/").headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void showsHelpAndTheSupportLineOnErrorPages() {
        HttpResponse<String> notFound = loggedIn().get("/no-such-page", "Accept", "text/html");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body())
                .contains("lang=\"ja\"")
                .contains("サポート窓口")
                .contains("04-0000-0000")
                .contains("Support line")
                .contains("NOT_FOUND");
    }
}
