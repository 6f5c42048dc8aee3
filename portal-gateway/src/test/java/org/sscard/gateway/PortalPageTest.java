package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

class PortalPageTest extends GatewayTest {

    @Test
    void reportsReadinessWithoutLogin() {
        assertThat(browser().get("/actuator/health/readiness").body()).contains("\"UP\"");
    }

    @Test
    void sendsAPersonWithoutSessionToTheLoginPageInJapaneseFirst() {
        Browser browser = browser();
        HttpResponse<String> portal = browser.get("/");
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains("lang=\"ja\"")
                .contains("カードでログイン")
                .contains("href=\"/oauth2/authorization/sscard\"")
                .doesNotContain("role=\"alert\"");
        assertThat(browser.get("/login?error").body())
                .contains("role=\"alert\"")
                .contains("ログインできませんでした");
        for (String page : List.of("/access-log", "/p/kamogawa-nhi/notices", "/anything")) {
            assertThat(browser().get(page).headers().firstValue("Location"))
                    .as(page)
                    .hasValue("/login");
        }
    }

    @Test
    void answersAnApiCallWithoutSessionWith401Problem() {
        HttpResponse<String> response = browser().get("/p/kamogawa-nhi/api/v1/summary", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void givesANewSessionIdAtLoginInASecureHttpOnlySameSiteCookie() {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "ログイン テスト", RelayFixture.newProvisionalSsn());
        Browser browser = browser();
        List<String> sessions = browser.login(person);
        assertThat(sessions.get(0)).isNotNull();
        assertThat(sessions.get(1)).isNotNull().isNotEqualTo(sessions.get(0));
        String cookie = browser.last().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-SSCARD_PORTAL="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("; Path=/;")
                .doesNotContainIgnoringCase("Domain=")
                .contains("; Secure")
                .containsIgnoringCase("; HttpOnly")
                .contains("SameSite=Lax");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void showsNameMaskedNumberAndATilePerJoinedProviderFromTheRelay() {
        String ssn = RelayFixture.newProvisionalSsn();
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "タイル　テスト", ssn);
        try (StandInProvider up = new StandInProvider(RelayFixture.newKey("up"));
                StandInProvider down = new StandInProvider(RelayFixture.newKey("down"))) {
            RELAY.registerProvider(up.key(), "PROXY", up.baseUrl(), "notices", "/notices");
            RELAY.registerProvider(down.key(), "PROXY", down.baseUrl(), "pension", "/pension");
            String hospital = RelayFixture.newKey("hospital");
            RELAY.registerProvider(hospital, "SAML", "https://hospital.example", "records", "/records");
            String pending = RelayFixture.newKey("pending");
            RELAY.registerProvider(pending, "PROXY", "https://pending.example", "checkups", "/checkups");
            RELAY.join(person, up.key(), "notices", "L-1001");
            RELAY.join(person, down.key(), "pension", "L-2002");
            RELAY.join(person, hospital, "records", "P0012345");
            RELAY.join(person, pending, "checkups", null);
            down.close();

            Browser browser = browser();
            browser.login(person);
            String page = browser.get("/").body();

            assertThat(page)
                    .contains("タイル　テスト")
                    .contains("********" + ssn.substring(8))
                    .doesNotContain(ssn)
                    .doesNotContain(person.toString());
            assertThat(page)
                    .contains("href=\"/p/" + up.key() + "/notices\"")
                    // SP-initiated: the hospital's own page, which sends its signed AuthnRequest
                    .contains("href=\"https://hospital.example/records\"")
                    .doesNotContain("/saml/idp/init/")
                    .contains("latest notice for L-1001");
            assertThat(tileState(page, up.key())).isEqualTo("AVAILABLE");
            assertThat(tileState(page, down.key())).isEqualTo("UNAVAILABLE");
            assertThat(tileState(page, pending)).isEqualTo("NOT_READY");
            assertThat(page).doesNotContain("href=\"/p/" + pending + "/checkups\"");
        }
    }

    static String tileState(String page, String provider) {
        int at = page.indexOf("data-provider=\"" + provider + "\"");
        assertThat(at).as("tile of " + provider).isPositive();
        int state = page.indexOf("data-state=\"", at) + "data-state=\"".length();
        return page.substring(state, page.indexOf('"', state));
    }
}
