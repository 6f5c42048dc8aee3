package org.sscard.auth.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Browser;
import org.sscard.testsupport.RelayFixture;

/**
 * Who may check: the {@code reception-desk} client alone, for an active token of a reception clerk logged in at the
 * desk; the insurer must let the clerk's hospital check. And the SSN path, with the relay's answers about the person.
 */
class ReceptionCheckActorTest extends ReceptionDeskTest {

    private static final String NHI = "kamogawa-nhi";

    @Test
    void refusesTheGrantToAnotherClient() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(STAFF_CLIENT, clerk.accessToken(), bySsn(ssn(), "1968-05-05")), 400, "unauthorized_client");
        assertError(
                check("portal-gateway", clerk.accessToken(), bySsn(ssn(), "1968-05-05")), 400, "unauthorized_client");
        assertRelayNotAsked();
    }

    @Test
    void acceptsTheTokenOfAClerkLoggedInWithTheReceptionCli() throws Exception {
        StaffLogin clerk = clerk(HOSPITAL, "RECEPTION_CLERK", "sscard-reception", "http://127.0.0.1:51234/callback");
        relayFinds(NHI, "鴨川|1007|00", null, HOSPITAL);
        Browser.Page answer = check(clerk, bySsn(ssn(), "1955-08-08"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(verify(JSON.readTree(answer.body()).path("access_token").asText(), NHI)
                        .getClaimAsString("client_id"))
                .isEqualTo(DESK);
    }

    @Test
    void refusesAResidentsTokenAsTheActor() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        String resident = login(
                registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId)),
                RESIDENT_CLIENT,
                REDIRECT_URI);
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(DESK, resident, bySsn(ssn(), "1968-05-05")), 400, "invalid_grant");
        assertRelayNotAsked();
    }

    @Test
    void refusesAnInsurerAdminsTokenAsTheActor() throws Exception {
        StaffLogin admin = clerk(KAMEDA_KENPO, "INSURER_ADMIN", DESK, DESK_REDIRECT);
        relayFinds(NHI, "x", null, KAMEDA_KENPO);
        assertError(check(admin, bySsn(ssn(), "1968-05-05")), 400, "invalid_grant");
        assertRelayNotAsked();
    }

    @Test
    void refusesAClerksTokenIssuedToAnotherClient() throws Exception {
        StaffLogin elsewhere = clerk(HOSPITAL, "RECEPTION_CLERK", STAFF_CLIENT, REDIRECT_URI);
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(elsewhere, bySsn(ssn(), "1968-05-05")), 400, "invalid_grant");
        assertRelayNotAsked();
    }

    @Test
    void refusesAnActorTokenThisServiceNeverIssued() throws Exception {
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(DESK, "not-a-token", bySsn(ssn(), "1968-05-05")), 400, "invalid_grant");
        assertRelayNotAsked();
    }

    @Test
    void refusesAClerkTheRelayDoesNotAllow() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayRefuses(403, "CLERK_NOT_ALLOWED");
        assertError(check(clerk, bySsn(ssn(), "1968-05-05")), 400, "invalid_grant");
    }

    @Test
    void issuesNoTokenForAnInsurerThatDoesNotListTheClerksHospital() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayFinds(NHI, "鴨川|1006|00", "P0067890", "some-other-hospital");
        assertError(check(clerk, bySsn(ssn(), "1968-05-05")), 400, "invalid_target");
    }

    @Test
    void issuesATokenByProvisionalSsnAndDateOfBirth() throws Exception {
        StaffLogin clerk = receptionClerk();
        String ssn = ssn();
        relayFinds(NHI, "鴨川|1007|00", "P0078901", HOSPITAL);

        Browser.Page answer = check(clerk, bySsn(ssn, "1955-08-08"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(verify(JSON.readTree(answer.body()).path("access_token").asText(), NHI)
                        .getSubject())
                .isEqualTo("鴨川|1007|00");
        assertThat(RELAY_STAND_IN.receptionCalls()).singleElement().satisfies(call -> {
            assertThat(call.purpose()).isEqualTo("reception check at " + HOSPITAL + " (SSN: CARD_FORGOTTEN)");
            assertThat(JSON.readValue(call.body(), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "clerk",
                            clerk.id().toString(),
                            "clerkCertificateSerial",
                            clerk.certificateSerial(),
                            "organisation",
                            HOSPITAL,
                            "method",
                            "SSN",
                            "provisionalSsn",
                            ssn,
                            "dateOfBirth",
                            "1955-08-08",
                            "reason",
                            "CARD_FORGOTTEN"));
        });
    }

    @Test
    void refusesAnSsnTheRelayDoesNotMatch() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayRefuses(404, "PERSON_NOT_MATCHED");
        assertError(check(clerk, bySsn(ssn(), "1955-08-09")), 400, "person_not_matched");
    }

    @Test
    void answersNoCoverageWithThePatientNumber() throws Exception {
        StaffLogin clerk = receptionClerk();
        Map<String, Object> answer = new HashMap<>();
        answer.put("patientNumber", "P0000001");
        answer.put("staffOrganisations", java.util.List.of());
        answer.put("insurers", java.util.List.of());
        answerWith(200, answer);

        Browser.Page refused = check(clerk, bySsn(ssn(), "1955-08-08"));

        assertError(refused, 400, "no_coverage");
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("patient_number").asText()).isEqualTo("P0000001");
    }

    @Test
    void refusesAMalformedSsnBeforeAskingAnyone() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(clerk, bySsn("12345", "1955-08-08")), 400, "invalid_request");
        assertError(check(clerk, bySsn(ssn(), "08/08/1955")), 400, "invalid_request");
        assertRelayNotAsked();
    }

    private static String ssn() {
        return RelayFixture.newProvisionalSsn();
    }
}
