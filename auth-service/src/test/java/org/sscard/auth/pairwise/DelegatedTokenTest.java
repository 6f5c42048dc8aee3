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
 * A reception clerk acting for a patient: the patient's own card login at the desk names the clerk ({@code may_act}),
 * and the desk exchanges the patient's token, with the clerk's token as the actor, for a provider's token whose
 * {@code act} names the clerk, their role and organisation. Nobody else can act, no resident token acts, and a
 * clerk acts only for a provider of their own organisation or one that lists it ({@code staffOrganisations}).
 */
class DelegatedTokenTest extends AuthServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSPITAL = "delegation-test-hospital";
    /** A provider that lets the hospital's reception desk act for its residents (staff-organisations). */
    private static final String PENSION = providerActedForBy(HOSPITAL);
    /** Providers of the demo configuration (the relay runs with it). */
    private static final String KAMEDA_HOSPITAL = "kameda-hospital";

    private static final String KAMEDA_KENPO = "kameda-kenpo";

    @Test
    void clerkNamedAtTheDeskActsForThePatientAndTheProviderTokenSaysSo() throws Exception {
        Staff clerk = newClerk();
        Patient patient = newPatient(DESK_CLIENT, Map.of("acting_staff", clerk.id.toString()));
        assertThat(verify(patient.accessToken, DESK_CLIENT).getClaimAsMap("may_act"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("sub", clerk.id.toString(), "iss", MAIN));

        Browser.Page exchanged = exchange(DESK_CLIENT, patient.accessToken, clerk.accessToken);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        Jwt token = verify(JSON.readTree(exchanged.body()).path("access_token").asText(), PENSION);

        assertThat(token.getSubject()).isEqualTo(patient.localNumber);
        assertThat(token.getAudience()).containsExactly(PENSION);
        Map<String, Object> act = token.getClaimAsMap("act");
        assertThat(act)
                .containsEntry("sub", clerk.id.toString())
                .containsEntry("iss", MAIN)
                .containsEntry("role", "RECEPTION_CLERK")
                .containsEntry("organisation", HOSPITAL);
        JsonNode issued = CITY_OFFICE.accessLog(patient.person).get(0);
        assertThat(issued.path("action").asText()).isEqualTo("TOKEN_ISSUED");
        assertThat(issued.path("actingFor").asText()).isEqualTo("staff:" + clerk.id);
        assertThat(issued.path("purpose").asText()).isEqualTo("pairwise token for " + PENSION);
    }

    @Test
    void refusesAnInsurersClerkADelegatedTokenForTheHospital() throws Exception {
        Staff clerk = newStaff(KAMEDA_KENPO, "INSURER_ADMIN");
        Patient patient = newPatient(KAMEDA_HOSPITAL, "medical-records", Map.of("acting_staff", clerk.id.toString()));
        assertThat(verify(patient.accessToken, DESK_CLIENT).getClaimAsMap("may_act"))
                .containsEntry("sub", clerk.id.toString());

        assertError(exchange(DESK_CLIENT, patient.accessToken, clerk.accessToken, KAMEDA_HOSPITAL), "invalid_grant");
        // nothing about the patient was released to the hospital on the clerk's behalf
        assertThat(CITY_OFFICE.accessLog(patient.person).findValuesAsText("action"))
                .doesNotContain("TOKEN_ISSUED", "RELEASE_REFUSED");
    }

    @Test
    void aClerkActsForAProviderOfTheirOwnOrganisation() throws Exception {
        Staff clerk = newStaff(KAMEDA_HOSPITAL, "RECEPTION_CLERK");
        Patient patient = newPatient(KAMEDA_HOSPITAL, "medical-records", Map.of("acting_staff", clerk.id.toString()));

        Browser.Page exchanged = exchange(DESK_CLIENT, patient.accessToken, clerk.accessToken, KAMEDA_HOSPITAL);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        Jwt token = verify(JSON.readTree(exchanged.body()).path("access_token").asText(), KAMEDA_HOSPITAL);
        assertThat(token.getClaimAsMap("act")).containsEntry("organisation", KAMEDA_HOSPITAL);
    }

    @Test
    void refusesAnotherClerkThanTheOneThePatientNamed() throws Exception {
        Staff named = newClerk();
        Staff other = newClerk();
        Patient patient = newPatient(DESK_CLIENT, Map.of("acting_staff", named.id.toString()));
        int calls = relayCalls();
        assertError(exchange(DESK_CLIENT, patient.accessToken, other.accessToken), "invalid_grant");
        // refused before the relay is asked: nothing about the patient was looked up or released
        assertThat(relayCalls()).isEqualTo(calls);
        assertThat(CITY_OFFICE.accessLog(patient.person).findValuesAsText("action"))
                .doesNotContain("TOKEN_ISSUED", "RELEASE_REFUSED");
    }

    @Test
    void refusesAnActorWhenThePatientsLoginNamedNobody() throws Exception {
        Staff clerk = newClerk();
        Patient patient = newPatient(DESK_CLIENT, Map.of());
        assertError(exchange(DESK_CLIENT, patient.accessToken, clerk.accessToken), "invalid_grant");
    }

    @Test
    void ignoresActingStaffAskedForByAClientWithoutDelegation() throws Exception {
        Staff clerk = newClerk();
        Patient patient = newPatient(RESIDENT_CLIENT, Map.of("acting_staff", clerk.id.toString()));
        assertThat(verify(patient.accessToken, RESIDENT_CLIENT).getClaims()).doesNotContainKey("may_act");
        assertError(exchange(RESIDENT_CLIENT, patient.accessToken, clerk.accessToken), "invalid_grant");
    }

    @Test
    void refusesAResidentAsTheActorEvenWhenNamed() throws Exception {
        Patient stranger = newPatient(RESIDENT_CLIENT, Map.of());
        Patient patient = newPatient(DESK_CLIENT, Map.of("acting_staff", stranger.person.toString()));
        assertError(exchange(DESK_CLIENT, patient.accessToken, stranger.accessToken), "invalid_grant");
    }

    private record Patient(UUID person, String localNumber, String accessToken) {}

    private record Staff(UUID id, String accessToken) {}

    /** A resident who joined the test pension provider and logged in with their card through {@code client}. */
    private static Patient newPatient(String client, Map<String, String> authorizeParameters) throws Exception {
        return newPatient(PENSION, "pension", client, authorizeParameters);
    }

    /** A resident who joined {@code provider} and logged in with their card at the reception desk. */
    private static Patient newPatient(String provider, String service, Map<String, String> authorizeParameters)
            throws Exception {
        return newPatient(provider, service, DESK_CLIENT, authorizeParameters);
    }

    private static Patient newPatient(
            String provider, String service, String client, Map<String, String> authorizeParameters) throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        String number = "D" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        CITY_OFFICE.mapLocalNumber(person, provider, number);
        CITY_OFFICE.subscribe(person, provider, service);
        Card card = registeredResidentCard(personalId, person);
        return new Patient(person, number, login(card, client, authorizeParameters));
    }

    private static Staff newClerk() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        return newStaff(HOSPITAL, "RECEPTION_CLERK");
    }

    private static Staff newStaff(String organisation, String role) throws Exception {
        UUID clerk = CITY_OFFICE.createStaff(organisation, role);
        Card card = card(PKI.staffCard(clerk, organisation, role));
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        return new Staff(clerk, login(card, STAFF_CLIENT, Map.of()));
    }

    private static String providerActedForBy(String organisation) {
        CITY_OFFICE.ensureHospital(organisation);
        String key = RelayFixture.newKey("delegation-pension");
        CITY_OFFICE.registerProviderActedForBy(key, "pension", java.util.List.of(organisation));
        return key;
    }

    private static String login(Card card, String client, Map<String, String> authorizeParameters) throws Exception {
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, client, REDIRECT_URI);
        Browser.Page cardLogin =
                browser.get(browser.get(flow.authorizeUrl(authorizeParameters)).location());
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());
        Browser.Page tokens = flow.exchange(code, clientAssertion(client), flow.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    private static Browser.Page exchange(String client, String subjectToken, String actorToken) throws Exception {
        return exchange(client, subjectToken, actorToken, PENSION);
    }

    private static Browser.Page exchange(String client, String subjectToken, String actorToken, String audience)
            throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion(client));
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("actor_token", actorToken);
        form.put("actor_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("audience", audience);
        return new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .postForm(MAIN + "/oauth2/token", form);
    }

    private static Jwt verify(String token, String audience) {
        return ServiceTokenVerification.decoder(
                        new TokenProperties(URI.create(MAIN), null, null, audience, null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
    }

    private static void assertError(Browser.Page response, String error) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo(error);
    }
}
