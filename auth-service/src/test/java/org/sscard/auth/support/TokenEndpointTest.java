package org.sscard.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;

/**
 * Grants at the token endpoint that take a staff member's own access token as the actor token (the reception check,
 * the operator action): staff registered at the real relay log in with their staff cards through a real client, and
 * the token a grant issues is verified as its resource server would.
 */
public abstract class TokenEndpointTest extends AuthServiceTest {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A logged-in staff member: ID, organisation, role, their access token, and their staff card's serial (hex).
     */
    public record StaffLogin(UUID id, String organisation, String role, String accessToken, String certificateSerial) {}

    /** A login's token response, and the browser (with its session at auth-service) that logged in. */
    public record LoggedIn(Browser browser, JsonNode tokens) {

        public String accessToken() {
            return tokens.path("access_token").asText();
        }
    }

    /** A staff member's ID and their card, registered at the relay as that member's active card. */
    public record StaffCard(UUID id, Card card) {}

    /** A new staff member registered at the relay, with their staff card registered there too. */
    protected static StaffCard registeredStaffCard(String organisation, String role) {
        UUID id = CITY_OFFICE.createStaff(organisation, role);
        Card card = card(PKI.staffCard(id, organisation, role));
        CITY_OFFICE.registerCard("staff", id, card.certificate());
        return new StaffCard(id, card);
    }

    /** A staff member registered at the relay, logged in with their card through {@code client}. */
    protected static StaffLogin staffLogin(String organisation, String role, String client, String redirectUri)
            throws Exception {
        StaffCard staff = registeredStaffCard(organisation, role);
        return new StaffLogin(
                staff.id(),
                organisation,
                role,
                login(staff.card(), client, redirectUri),
                staff.card().serialHex());
    }

    protected static String login(Card card, String client, String redirectUri) throws Exception {
        return loggedIn(card, client, redirectUri).accessToken();
    }

    /** The card's login through {@code client}: authorization request, card login, code exchange. */
    protected static LoggedIn loggedIn(Card card, String client, String redirectUri) throws Exception {
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, client, redirectUri);
        Browser.Page cardLogin = browser.get(browser.get(flow.authorizeUrl()).location());
        assertThat(cardLogin.status()).as(cardLogin.body()).isEqualTo(302);
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());
        // the reception CLI is a public client: the PKCE verifier alone
        Browser.Page tokens = flow.exchange(
                code,
                "sscard-reception".equals(client) ? Map.of("client_id", client) : clientAssertion(client),
                flow.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return new LoggedIn(browser, JSON.readTree(tokens.body()));
    }

    /** A form posted to {@code path} of the main connector by a client that trusts the platform root. */
    protected static Browser.Page post(String path, Map<String, String> form) throws Exception {
        return new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .postForm(MAIN + path, form);
    }

    protected static void assertError(Browser.Page response, int status, String error) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).as(response.body()).isEqualTo(error);
        assertThat(body.has("access_token")).isFalse();
    }

    /** The token, verified as a resource server of {@code audience} verifies it (issuer, signature, audience). */
    protected static Jwt verify(String token, String audience) {
        return ServiceTokenVerification.decoder(
                        new TokenProperties(URI.create(MAIN), null, null, audience, null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
    }
}
