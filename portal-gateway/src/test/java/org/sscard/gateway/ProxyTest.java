package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/** {@code /p/{provider}/**} against a stand-in provider registered in the real relay. */
class ProxyTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StandInProvider provider;
    private static UUID hanako;
    private static UUID taro;

    @BeforeAll
    static void registerProvider() {
        provider = new StandInProvider(RelayFixture.newKey("insurer"));
        RELAY.registerProvider(provider.key(), "PROXY", provider.baseUrl(), "notices", "/notices");
        hanako = RELAY.createPerson(RelayFixture.newPersonalId(), "カモガワ ハナコ", RelayFixture.newProvisionalSsn());
        taro = RELAY.createPerson(RelayFixture.newPersonalId(), "ナガサ タロウ", RelayFixture.newProvisionalSsn());
        RELAY.join(hanako, provider.key(), "notices", "H-0001");
        RELAY.join(taro, provider.key(), "notices", "T-0002");
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private Browser hanako() {
        Browser browser = browser();
        browser.login(hanako);
        return browser;
    }

    @Test
    void attachesThePairwiseTokenAndStripsEveryIdentityTheBrowserClaims() throws Exception {
        Browser browser = hanako();
        String session = browser.cookies().get("__Host-SSCARD_PORTAL");
        HttpResponse<String> response = browser.get(
                "/p/" + provider.key() + "/echo?x=1",
                "Authorization",
                "Bearer " + org.sscard.testsupport.TestTokenIssuer.get().mint("T-0002", provider.key()),
                "X-User",
                "T-0002",
                "X-Forwarded-User",
                "T-0002",
                "Remote-User",
                "T-0002",
                "Sscard-Acting-For",
                "person:" + taro,
                "X-Auth-Subject",
                "T-0002",
                "Cookie",
                "__Host-SSCARD_PORTAL=" + session + "; __Host-SSCARD_AUTH=auth-session; other=1; p." + provider.key()
                        + ".SESSION=abc; p.another-provider.SESSION=theirs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.path("sub").asText()).isEqualTo("H-0001");
        assertThat(echo.path("path").asText()).isEqualTo("/echo");
        assertThat(echo.path("query").asText()).isEqualTo("x=1");
        JsonNode headers = echo.path("headers");
        assertThat(headers.path("cookie").asText()).isEqualTo("SESSION=abc");
        for (String stripped : new String[] {
            "x-user",
            "x-forwarded-user",
            "remote-user",
            "sscard-acting-for",
            "x-auth-subject",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto"
        }) {
            assertThat(headers.has(stripped)).as(stripped).isFalse();
        }
        assertThat(headers.path("authorization").asText())
                .doesNotContain(
                        org.sscard.testsupport.TestTokenIssuer.get()
                                        .mint("T-0002", provider.key())
                                        .substring(0, 10) + "x");
    }

    /**
     * A proxied page gets an opaque origin (CSP sandbox without allow-same-origin), added beside the provider's own
     * policy; its public assets, which the sandboxed page loads without the session, go without token or cookies.
     */
    @Test
    void proxiedResponsesRunInASandboxAndPublicAssetsGoWithoutToken() throws Exception {
        Browser browser = hanako();
        HttpResponse<String> page = browser.get("/p/" + provider.key() + "/echo");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy)
                        .startsWith("sandbox ")
                        .contains("allow-scripts")
                        .doesNotContain("allow-same-origin"));
        HttpResponse<String> redirect = browser.get("/p/" + provider.key() + "/redirect-path");
        assertThat(redirect.headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).startsWith("sandbox "));

        HttpResponse<String> asset = browser().get("/p/" + provider.key() + "/assets/site.css");
        assertThat(asset.statusCode()).as("without a session").isEqualTo(200);
        assertThat(JSON.readTree(asset.body()).path("authorization").asText()).isEqualTo("null");
        HttpResponse<String> ownAsset = browser.get(
                "/p/" + provider.key() + "/assets/site.css", "Cookie", "p." + provider.key() + ".SESSION=abc");
        JsonNode seen = JSON.readTree(ownAsset.body());
        assertThat(seen.path("authorization").asText())
                .as("no token, even with a session")
                .isEqualTo("null");
        assertThat(seen.path("cookie").asText()).isEqualTo("null");
        assertThat(browser().get("/p/" + provider.key() + "/echo").statusCode())
                .as("anything but assets still needs the login")
                .isNotEqualTo(200);
    }

    @Test
    void exchangesTheTokenOncePerSessionAndProvider() {
        int before = AUTH.exchangesFor(provider.key());
        Browser browser = hanako();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/p/" + provider.key() + "/echo").statusCode())
                    .isEqualTo(200);
        }
        assertThat(AUTH.exchangesFor(provider.key()) - before).isEqualTo(1);
        hanako().get("/p/" + provider.key() + "/echo");
        assertThat(AUTH.exchangesFor(provider.key()) - before).isEqualTo(2);
    }

    @Test
    void noIdInTheUrlReachesAnotherPerson() throws Exception {
        Browser browser = hanako();
        for (String path : new String[] {"/echo?person=" + taro + "&sub=T-0002", "/persons/" + taro + "/echo"}) {
            JsonNode echo =
                    JSON.readTree(browser.get("/p/" + provider.key() + path).body());
            assertThat(echo.path("sub").asText()).as(path).isEqualTo("H-0001");
        }
        Browser other = browser();
        other.login(taro);
        assertThat(JSON.readTree(other.get("/p/" + provider.key() + "/echo").body())
                        .path("sub")
                        .asText())
                .isEqualTo("T-0002");
    }

    @Test
    void rewritesRedirectsIntoTheProviderToStayBehindTheGateway() {
        Browser browser = hanako();
        String prefix = "/p/" + provider.key();
        assertThat(browser.get(prefix + "/redirect-absolute").headers().firstValue("Location"))
                .hasValue(prefix + "/notices?month=10");
        assertThat(browser.get(prefix + "/redirect-path").headers().firstValue("Location"))
                .hasValue(prefix + "/notices");
        assertThat(browser.get(prefix + "/redirect-away").headers().firstValue("Location"))
                .hasValue("https://elsewhere.example/help");
    }

    @Test
    void scopesTheProvidersCookiesToItsPathUnderItsOwnName() {
        Browser browser = hanako();
        HttpResponse<String> response = browser.get("/p/" + provider.key() + "/set-cookie");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("p." + provider.key() + ".SESSION=abc123")
                        .contains("Path=/p/" + provider.key() + "/")
                        .contains("HttpOnly")
                        .doesNotContainIgnoringCase("domain"));
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("p." + provider.key() + ".XSRF-TOKEN=tok")
                        .contains("Path=/p/" + provider.key() + "/"));
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .as("not the portal's own page policy: only the sandbox")
                .allSatisfy(policy -> assertThat(policy).startsWith("sandbox "));
    }

    @Test
    void leavesPostsToTheProvidersOwnCsrfProtection() throws Exception {
        HttpResponse<String> response = hanako().post("/p/" + provider.key() + "/form", "amount=1");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.path("method").asText()).isEqualTo("POST");
        assertThat(echo.path("body").asText()).isEqualTo("amount=1");
    }

    @Test
    void showsABackendErrorAsAPageOrProblemNeverItsTrace() {
        Browser browser = hanako();
        HttpResponse<String> page = browser.get("/p/" + provider.key() + "/boom", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body())
                .contains("PROVIDER_ERROR")
                .contains("サポート窓口")
                .contains("Support line")
                .doesNotContain("Secret.java")
                .doesNotContain("IllegalStateException");
        HttpResponse<String> problem = browser.get("/p/" + provider.key() + "/boom", "Accept", "application/json");
        assertThat(problem.statusCode()).isEqualTo(502);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.body()).contains("\"code\":\"PROVIDER_ERROR\"").doesNotContain("Secret.java");
    }

    @Test
    void answersUnknownAndNotJoinedProvidersWithTheirOwnErrors() {
        Browser browser = hanako();
        assertThat(browser.get("/p/no-such-provider/notices").statusCode()).isEqualTo(404);
        String other = RelayFixture.newKey("unjoined");
        RELAY.registerProvider(other, "PROXY", provider.baseUrl(), "notices", "/notices");
        HttpResponse<String> response = browser.get("/p/" + other + "/notices", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("NOT_JOINED");
    }

    @Test
    void givesProxiedAnswersTheGatewaysSecurityHeaders() {
        HttpResponse<String> answer = hanako().get("/p/" + provider.key() + "/echo");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(answer.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void sendsNothingToAProviderWithoutASession() {
        int before = provider.calls();
        HttpResponse<String> response = browser().get("/p/" + provider.key() + "/echo");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> api = browser().get("/p/" + provider.key() + "/echo", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("UNAUTHENTICATED");
        assertThat(provider.calls()).isEqualTo(before);
    }

    @Test
    void givesTheNextResidentAtAKioskNothingOfThePrevious() throws Exception {
        Browser kiosk = browser();
        kiosk.login(hanako);
        assertThat(JSON.readTree(kiosk.get("/p/" + provider.key() + "/echo").body())
                        .path("sub")
                        .asText())
                .isEqualTo("H-0001");
        String page = kiosk.get("/?lang=en").body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> logout = kiosk.post(
                "/logout",
                "_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(logout.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("SSCARD_LANG=;").contains("Max-Age=0"));
        assertThat(kiosk.get("/p/" + provider.key() + "/echo").statusCode()).isEqualTo(302);

        kiosk.login(taro);
        assertThat(JSON.readTree(kiosk.get("/p/" + provider.key() + "/echo").body())
                        .path("sub")
                        .asText())
                .isEqualTo("T-0002");
    }
}
