package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;
import org.sscard.testsupport.RelayFixture;

/** A resident logs in with their card and nothing else: authorize → card login (mTLS) → code → ID token. */
class ResidentCodeFlowTest extends AuthServiceTest {

    @Test
    void residentLogsInWithCardAndGetsIdTokenWithOpaqueSubject() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);

        Browser.Page authorize = browser.get(flow.authorizeUrl());
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(authorize.location()).isEqualTo(CARD_LOGIN + "/login/card/resident");

        Browser.Page cardLogin = browser.get(authorize.location());
        assertThat(cardLogin.status()).as(cardLogin.body()).isEqualTo(302);
        assertThat(cardLogin.location()).startsWith(MAIN + "/oauth2/authorize?");

        Browser.Page backToAuthorize = browser.get(cardLogin.location());
        assertThat(backToAuthorize.status()).isEqualTo(302);
        String code = flow.codeFrom(backToAuthorize.location());

        Browser.Page tokens = flow.exchange(code, clientAssertion(RESIDENT_CLIENT), flow.verifier());
        JWTClaimsSet idToken = flow.verifiedIdToken(tokens);
        assertThat(idToken.getSubject()).isEqualTo(person.toString());
        assertThat(idToken.getStringClaim("login_profile")).isEqualTo("resident");
        assertThat(idToken.getClaims()).doesNotContainKeys("role", "organisation");
        assertThat(tokens.body()).doesNotContain(personalId);
    }

    @Test
    void aCardLoginNoApplicationAskedForEndsOnMyPortal() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);

        Browser.Page login = new Browser(card.clientContext()).get(CARD_LOGIN + "/login/card/resident");
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        assertThat(login.location())
                .isEqualTo(System.getenv().getOrDefault("SSCARD_PORTAL_URL", "https://portal.localhost:8080") + "/");
    }

    @Test
    void sessionCookieIsHostOnlySecureHttpOnlyAndLax() throws Exception {
        Card card = residentCard(RelayFixture.newPersonalId());
        Browser browser = new Browser(card.clientContext());
        browser.get(new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI).authorizeUrl());

        assertThat(browser.setCookieHeaders())
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Host-SSCARD_AUTH=")
                        .contains("Path=/;")
                        .doesNotContainIgnoringCase("Domain=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void codeIsNotIssuedForTokenWithoutTheRightPkceVerifier() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        String code = loggedIn(browser, flow);

        Browser.Page tokens = flow.exchange(
                code,
                clientAssertion(RESIDENT_CLIENT),
                "not-the-verifier-" + "0123456789012345678901234567890123456789");

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.body()).contains("invalid_grant");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        String idToken = CodeFlow.idTokenOf(
                flow.exchange(loggedIn(browser, flow), clientAssertion(RESIDENT_CLIENT), flow.verifier()));
        CodeFlow again = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        assertThat(browser.get(again.authorizeUrl()).location())
                .as("still logged in")
                .startsWith(REDIRECT_URI);

        Browser.Page logout = browser.get(MAIN + "/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode(LOGGED_OUT_URI, StandardCharsets.UTF_8));

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo(LOGGED_OUT_URI);
        assertThat(browser.get(again.authorizeUrl()).location()).isEqualTo(CARD_LOGIN + "/login/card/resident");
    }

    @Test
    void reportsReadinessOnTheMainConnector() throws Exception {
        Browser browser = new Browser(Card.noCard(PKI.root().certificate()));
        assertThat(browser.get(MAIN + "/actuator/health/readiness").body()).contains("\"UP\"");
    }

    private static String loggedIn(Browser browser, CodeFlow flow) throws Exception {
        Browser.Page authorize = browser.get(flow.authorizeUrl());
        Browser.Page cardLogin = browser.get(authorize.location());
        assertThat(cardLogin.status()).as(cardLogin.body()).isEqualTo(302);
        return flow.codeFrom(browser.get(cardLogin.location()).location());
    }
}
