package org.sscard.auth.pairwise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
import org.sscard.testsupport.RelayFixture;

/**
 * RFC 8693 token exchange into pairwise provider tokens: the provider sees only its own ID for the resident, only
 * with the resident's consent (joined), only addressed to it; every refusal is a token-endpoint error.
 */
class PairwiseTokenTest extends AuthServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PENSION = "pension-office"; // a LOCAL_NUMBER provider of the demo relay

    @Test
    void exchangesAResidentsTokenForOneWhoseSubjectIsTheProvidersOwnId() throws Exception {
        Resident resident = newResident();
        String number = "P" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        CITY_OFFICE.mapLocalNumber(resident.person, PENSION, number);
        CITY_OFFICE.subscribe(resident.person, PENSION, "pension");

        Browser.Page exchanged = exchange(RESIDENT_CLIENT, resident.accessToken, Map.of("audience", PENSION));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        String token = JSON.readTree(exchanged.body()).path("access_token").asText();

        Jwt verified = ServiceTokenVerification.decoder(
                        new TokenProperties(URI.create(MAIN), null, null, PENSION, null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
        assertThat(verified.getSubject()).isEqualTo(number);
        assertThat(verified.getAudience()).containsExactly(PENSION);
        assertThat(verified.getExpiresAt().getEpochSecond()
                        - verified.getIssuedAt().getEpochSecond())
                .isLessThanOrEqualTo(300);
        assertThat(verified.getClaims()).doesNotContainKeys("sid", "login_profile", "act");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload).doesNotContain(resident.person.toString()).doesNotContain(resident.personalId);
        assertThat(CITY_OFFICE.accessLog(resident.person).toString()).contains("pairwise token for " + PENSION);
    }

    @Test
    void makesOneRelayCallAndLeavesOneAccessLogRowPerExchange() throws Exception {
        Resident resident = newResident();
        CITY_OFFICE.mapLocalNumber(
                resident.person, PENSION, "O" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        CITY_OFFICE.subscribe(resident.person, PENSION, "pension");
        JsonNode before = CITY_OFFICE.accessLog(resident.person);
        int calls = relayCalls();

        Browser.Page exchanged = exchange(RESIDENT_CLIENT, resident.accessToken, Map.of("audience", PENSION));

        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(relayCalls() - calls).isEqualTo(1);
        JsonNode after = CITY_OFFICE.accessLog(resident.person);
        // newest first: the exchange's one row, then the reading of the log before it
        assertThat(after.size()).isEqualTo(before.size() + 2);
        assertThat(after.get(1).path("action").asText()).isEqualTo("ACCESS_LOG_READ");
        JsonNode row = after.get(0);
        assertThat(row.path("action").asText()).isEqualTo("TOKEN_ISSUED");
        assertThat(row.path("caller").asText()).isEqualTo("auth-service");
        assertThat(row.path("actingFor").asText()).isEqualTo("person:" + resident.person);
        assertThat(row.path("providerKey").asText()).isEqualTo(PENSION);
        assertThat(row.path("purpose").asText()).isEqualTo("pairwise token for " + PENSION);
    }

    @Test
    void refusesAProviderTheResidentHasNotJoined() throws Exception {
        Resident resident = newResident();
        CITY_OFFICE.mapLocalNumber(
                resident.person, PENSION, "N" + ThreadLocalRandom.current().nextInt(1_000_000));
        assertError(exchange(RESIDENT_CLIENT, resident.accessToken, Map.of("audience", PENSION)), "invalid_target");
        assertRefusalLoggedAndNoTokenIssued(resident);
    }

    @Test
    void refusesAProviderThatHasNoIdForTheResident() throws Exception {
        Resident resident = newResident();
        // joined while the provider knew them; its ID for them ended yesterday
        CITY_OFFICE.join(resident.person, PENSION, "pension", null);
        assertError(exchange(RESIDENT_CLIENT, resident.accessToken, Map.of("audience", PENSION)), "invalid_target");
        assertRefusalLoggedAndNoTokenIssued(resident);
    }

    @Test
    void refusesAProviderTheRelayDoesNotKnow() throws Exception {
        Resident resident = newResident();
        assertError(
                exchange(RESIDENT_CLIENT, resident.accessToken, Map.of("audience", "no-such-provider")),
                "invalid_target");
        assertThat(CITY_OFFICE.accessLog(resident.person).findValuesAsText("action"))
                .doesNotContain("TOKEN_ISSUED", "RELEASE_REFUSED");
    }

    @Test
    void refusesAnExchangeWithoutExactlyOneProvider() throws Exception {
        Resident resident = newResident();
        assertError(exchange(RESIDENT_CLIENT, resident.accessToken, Map.of()), "invalid_target");
    }

    @Test
    void refusesAResidentsTokenPresentedByAnotherClient() throws Exception {
        Resident resident = newResident();
        CITY_OFFICE.mapLocalNumber(
                resident.person, PENSION, "C" + ThreadLocalRandom.current().nextInt(1_000_000));
        CITY_OFFICE.subscribe(resident.person, PENSION, "pension");
        // another resident client, which may exchange its own residents' tokens
        assertError(exchange(DESK_CLIENT, resident.accessToken, Map.of("audience", PENSION)), "invalid_grant");
        // a staff client exchanges nothing: a staff login's token is never a resident's
        assertError(exchange(STAFF_CLIENT, resident.accessToken, Map.of("audience", PENSION)), "unauthorized_client");
    }

    @Test
    void refusesASubjectTokenItNeverIssued() throws Exception {
        assertError(exchange(RESIDENT_CLIENT, "not-a-token-of-ours", Map.of("audience", PENSION)), "invalid_grant");
    }

    /** The relay looked and said no: one RELEASE_REFUSED row for the provider, and no token in the log. */
    private static void assertRefusalLoggedAndNoTokenIssued(Resident resident) {
        JsonNode log = CITY_OFFICE.accessLog(resident.person);
        assertThat(log.findValuesAsText("action")).doesNotContain("TOKEN_ISSUED");
        assertThat(log.get(0).path("action").asText()).isEqualTo("RELEASE_REFUSED");
        assertThat(log.get(0).path("providerKey").asText()).isEqualTo(PENSION);
        assertThat(log.get(0).path("purpose").asText()).isEqualTo("pairwise token for " + PENSION);
    }

    private record Resident(UUID person, String personalId, String accessToken) {}

    /** A resident who logged in with their card through the resident client's code flow. */
    private Resident newResident() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        Browser.Page cardLogin = browser.get(browser.get(flow.authorizeUrl()).location());
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());
        Browser.Page tokens = flow.exchange(code, clientAssertion(RESIDENT_CLIENT), flow.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return new Resident(
                person,
                personalId,
                JSON.readTree(tokens.body()).path("access_token").asText());
    }

    private Browser.Page exchange(String client, String subjectToken, Map<String, String> target) throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion(client));
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.putAll(target);
        return new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .postForm(MAIN + "/oauth2/token", form);
    }

    private static void assertError(Browser.Page response, String error) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
    }
}
