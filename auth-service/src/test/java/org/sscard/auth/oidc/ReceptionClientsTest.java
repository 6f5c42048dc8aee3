package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;

/**
 * The two clients of the reception desk as application.yml registers them: {@code reception-desk} (confidential,
 * refresh tokens rotated) and {@code sscard-reception}, the CLI, a public native client on a loopback redirect URI
 * whose port is the program's own choice (RFC 8252 §7.3).
 */
class ReceptionClientsTest extends AuthServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSPITAL = "kameda-hospital";
    private static final String CLI = "sscard-reception";

    @Test
    void logsTheCliClerkInOnALoopbackRedirectWithAnyPort() throws Exception {
        String redirect = "http://127.0.0.1:" + ThreadLocalRandom.current().nextInt(20_000, 60_000) + "/callback";
        Card card = clerkCard();
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, CLI, redirect);

        Browser.Page authorize = browser.get(flow.authorizeUrl());
        assertThat(authorize.location()).as(authorize.body()).isEqualTo(CARD_LOGIN + "/login/card/staff");
        String code = flow.codeFrom(
                browser.get(browser.get(authorize.location()).location()).location());
        // no client authentication: the PKCE verifier is the proof
        Browser.Page tokens = flow.exchange(code, Map.of("client_id", CLI), flow.verifier());

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        assertThat(body.has("refresh_token")).isFalse();
        Jwt token = verify(body.path("access_token").asText(), CLI);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(CLI);
        assertThat(token.getClaimAsString("login_profile")).isEqualTo("staff");
        assertThat(token.getClaimAsString("role")).isEqualTo("RECEPTION_CLERK");
        assertThat(token.getClaimAsString("organisation")).isEqualTo(HOSPITAL);
    }

    @Test
    void refusesTheCliARedirectThatIsNotTheLoopbackLiteral() throws Exception {
        Browser browser = new Browser(clerkCard().clientContext());
        for (String redirect : new String[] {
            "http://localhost:45678/callback", "http://cli.test:45678/callback", "http://127.0.0.1:45678/elsewhere"
        }) {
            Browser.Page authorize = browser.get(new CodeFlow(browser, MAIN, CLI, redirect).authorizeUrl());
            assertThat(authorize.status()).as(redirect).isEqualTo(400);
            assertThat(authorize.location()).as(redirect).isNull();
        }
    }

    @Test
    void refusesTheCliTheCodeWithoutItsVerifier() throws Exception {
        String redirect = "http://127.0.0.1:" + ThreadLocalRandom.current().nextInt(20_000, 60_000) + "/callback";
        Browser browser = new Browser(clerkCard().clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, CLI, redirect);
        String code = flow.codeFrom(browser.get(
                        browser.get(browser.get(flow.authorizeUrl()).location()).location())
                .location());
        assertThat(flow.exchange(code, Map.of("client_id", CLI), "wrong-verifier-" + UUID.randomUUID())
                        .status())
                .isIn(400, 401);
    }

    @Test
    void rotatesTheDeskClerksRefreshToken() throws Exception {
        Browser browser = new Browser(clerkCard().clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, "reception-desk", DESK_LOGIN_REDIRECT);
        String code = flow.codeFrom(browser.get(
                        browser.get(browser.get(flow.authorizeUrl()).location()).location())
                .location());
        JsonNode first = JSON.readTree(flow.exchange(code, clientAssertion("reception-desk"), flow.verifier())
                .body());
        Jwt access = verify(first.path("access_token").asText(), "reception-desk");
        assertThat(access.getClaimAsString("client_id")).isEqualTo("reception-desk");
        assertThat(access.getClaimAsString("login_profile")).isEqualTo("staff");
        String refreshToken = first.path("refresh_token").asText();
        assertThat(refreshToken).isNotEmpty();
        assertThat(first.path("refresh_token_expires_in").isMissingNode()
                        || first.path("refresh_token_expires_in").asLong() <= 900)
                .isTrue();

        Browser.Page refreshed = refresh(refreshToken);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = JSON.readTree(refreshed.body());
        assertThat(second.path("refresh_token").asText()).isNotEmpty().isNotEqualTo(refreshToken);
        assertThat(verify(second.path("access_token").asText(), "reception-desk")
                        .getClaimAsString("role"))
                .isEqualTo("RECEPTION_CLERK");
        // rotated: the first refresh token is spent
        assertThat(refresh(refreshToken).status()).isEqualTo(400);
    }

    private static Browser.Page refresh(String refreshToken) throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion("reception-desk"));
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .postForm(MAIN + "/oauth2/token", form);
    }

    private static Card clerkCard() {
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = card(PKI.staffCard(clerk, HOSPITAL, "RECEPTION_CLERK"));
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        return card;
    }

    private static Jwt verify(String token, String audience) {
        return ServiceTokenVerification.decoder(
                        new TokenProperties(java.net.URI.create(MAIN), null, null, audience, null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
    }
}
