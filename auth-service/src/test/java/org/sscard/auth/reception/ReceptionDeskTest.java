package org.sscard.auth.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.CertificateBuilder;

/**
 * The reception desk at the token endpoint: clerks log in with their staff cards through the real
 * {@code reception-desk} client (application.yml's), against the real relay; the relay's reception check answers
 * from the test's script ({@link org.sscard.auth.support.RelayStandIn}).
 */
abstract class ReceptionDeskTest extends AuthServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DESK = "reception-desk";
    static final String DESK_REDIRECT = DESK_LOGIN_REDIRECT;
    /** The demo configuration's hospital and insurers (the test relay runs it). */
    static final String HOSPITAL = "kameda-hospital";

    static final String KAMEDA_KENPO = "kameda-kenpo";

    @AfterEach
    void forgetTheScript() {
        RELAY_STAND_IN.reset();
    }

    /** A logged-in clerk; {@code certificateSerial}: their staff card's, which every relay question names. */
    record Clerk(UUID id, String organisation, String role, String accessToken, String certificateSerial) {}

    /** A staff member registered at the relay, logged in with their card through {@code client}. */
    static Clerk clerk(String organisation, String role, String client, String redirectUri) throws Exception {
        UUID id = CITY_OFFICE.createStaff(organisation, role);
        Card card = card(PKI.staffCard(id, organisation, role));
        CITY_OFFICE.registerCard("staff", id, card.certificate());
        return new Clerk(id, organisation, role, login(card, client, redirectUri), card.serialHex());
    }

    static Clerk receptionClerk() throws Exception {
        return clerk(HOSPITAL, "RECEPTION_CLERK", DESK, DESK_REDIRECT);
    }

    static String login(Card card, String client, String redirectUri) throws Exception {
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
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    /** A patient's resident card from the platform CA (not registered anywhere: the relay's answer is scripted). */
    static CertificateBuilder patientCard() {
        return PKI.residentCard(RelayFixture.newPersonalId());
    }

    static Map<String, String> byCard(Card card) throws Exception {
        return Map.of(
                "method",
                "card",
                "card_certificate",
                Base64.getEncoder().encodeToString(card.certificate().getEncoded()));
    }

    static Map<String, String> bySsn(String ssn, String dateOfBirth) {
        return Map.of(
                "method", "ssn", "provisional_ssn", ssn, "date_of_birth", dateOfBirth, "reason", "CARD_FORGOTTEN");
    }

    /** The grant as {@code client} (its private_key_jwt), with the clerk's token and the patient. */
    static Browser.Page check(String client, String actorToken, Map<String, String> patient) throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion(client));
        form.put("grant_type", ReceptionCheck.GRANT_TYPE.getValue());
        form.put("actor_token", actorToken);
        form.put("actor_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.putAll(patient);
        return new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .postForm(MAIN + "/oauth2/token", form);
    }

    static Browser.Page check(Clerk clerk, Map<String, String> patient) throws Exception {
        return check(DESK, clerk.accessToken(), patient);
    }

    /** The relay finds the patient: insured at {@code insurer} as {@code localId}, which lets these staff check. */
    static void relayFinds(String insurer, String localId, String patientNumber, String... staffOrganisations) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("patientNumber", patientNumber);
        answer.put("insurer", Map.of("providerKey", insurer, "localId", localId));
        answer.put("staffOrganisations", java.util.List.of(staffOrganisations));
        answer.put(
                "insurers",
                java.util.List.of(
                        Map.of(
                                "providerKey",
                                insurer,
                                "nameJa",
                                "鴨川市国民健康保険",
                                "nameEn",
                                "Kamogawa NHI",
                                "validFrom",
                                "2026-11-01"),
                        Map.of(
                                "providerKey",
                                KAMEDA_KENPO,
                                "nameJa",
                                "亀田健康保険組合",
                                "nameEn",
                                "Kameda Kenpo",
                                "validFrom",
                                "2015-04-01",
                                "validTo",
                                "2026-10-31")));
        answerWith(200, answer);
    }

    static void relayRefuses(int status, String code) {
        answerWith(status, Map.of("type", "about:blank", "status", status, "code", code));
    }

    static void answerWith(int status, Object body) {
        try {
            RELAY_STAND_IN.answerReceptionChecks(status, JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertError(Browser.Page response, int status, String error) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).as(response.body()).isEqualTo(error);
        assertThat(body.has("access_token")).isFalse();
    }

    static void assertRelayNotAsked() {
        assertThat(RELAY_STAND_IN.receptionCalls()).isEmpty();
    }

    /** The token, verified as a resource server of {@code audience} verifies it (issuer, signature, audience). */
    static Jwt verify(String token, String audience) {
        return ServiceTokenVerification.decoder(
                        new TokenProperties(URI.create(MAIN), null, null, audience, null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
    }
}
