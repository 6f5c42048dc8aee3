package org.sscard.auth.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.testsupport.RelayFixture;

/**
 * The reception check by card: the patient card runs the card login's checks (real path validation, real OCSP and
 * CRL of the test PKI) before the relay is asked once; the token is minted for the insurer the relay names.
 */
class ReceptionCheckGrantTest extends ReceptionDeskTest {

    private static final String NHI = "kamogawa-nhi";
    private static final int KEY_COMPROMISE = 1;
    private static final int CERTIFICATE_HOLD = 6;

    @Test
    void issuesTheInsurerATwoMinuteTokenNamingTheClerkForAPatientCard() throws Exception {
        StaffLogin clerk = receptionClerk();
        String personalId = RelayFixture.newPersonalId();
        Card patient = card(PKI.residentCard(personalId));
        relayFinds(NHI, "鴨川|1006|00", "P0067890", HOSPITAL);

        Browser.Page answer = check(clerk, byCard(patient));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(1L, 120L);
        assertThat(body.path("insurer").asText()).isEqualTo(NHI);
        assertThat(body.path("patient_number").asText()).isEqualTo("P0067890");
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(JSON.convertValue(body.path("insurers"), List.class))
                .containsExactly(
                        Map.of(
                                "key",
                                NHI,
                                "name_ja",
                                "鴨川市国民健康保険",
                                "name_en",
                                "Kamogawa NHI",
                                "valid_from",
                                "2026-11-01"),
                        Map.of(
                                "key",
                                KAMEDA_KENPO,
                                "name_ja",
                                "亀田健康保険組合",
                                "name_en",
                                "Kameda Kenpo",
                                "valid_from",
                                "2015-04-01",
                                "valid_to",
                                "2026-10-31"));

        Jwt token = verify(body.path("access_token").asText(), NHI);
        assertThat(token.getSubject()).isEqualTo("鴨川|1006|00");
        assertThat(token.getAudience()).containsExactly(NHI);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(DESK);
        assertThat(token.getClaimAsString("purpose")).isEqualTo("reception-check");
        assertThat(token.getClaimAsMap("act"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "sub",
                        clerk.id().toString(),
                        "iss",
                        MAIN,
                        "role",
                        "RECEPTION_CLERK",
                        "organisation",
                        HOSPITAL));
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(120));
        assertThat(token.getExpiresAt()).isBefore(Instant.now().plusSeconds(121));
        assertThat(token.getClaims()).doesNotContainKeys("login_profile", "sid", "scope");

        // one relay call, acting for the clerk, with the card's serial and personal ID in the body
        assertThat(RELAY_STAND_IN.receptionCalls()).singleElement().satisfies(call -> {
            assertThat(call.actingFor()).isEqualTo("staff:" + clerk.id());
            assertThat(call.purpose()).isEqualTo("reception check at " + HOSPITAL + " (card)");
            assertThat(JSON.readValue(call.body(), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "clerk",
                            clerk.id().toString(),
                            "clerkCertificateSerial",
                            clerk.certificateSerial(),
                            "organisation",
                            HOSPITAL,
                            "method",
                            "CARD",
                            "certificateSerial",
                            patient.serialHex(),
                            "personalId",
                            personalId));
        });
    }

    @Test
    void asksTheRelayForTheInsurerTheDeskNames() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayFinds(KAMEDA_KENPO, "10|2002|00", null, HOSPITAL);
        Map<String, String> request = new java.util.HashMap<>(byCard(card(patientCard())));
        request.put("audience", KAMEDA_KENPO);

        Browser.Page answer = check(clerk, request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).has("patient_number")).isFalse();
        assertThat(verify(JSON.readTree(answer.body()).path("access_token").asText(), KAMEDA_KENPO)
                        .getAudience())
                .containsExactly(KAMEDA_KENPO);
        assertThat(JSON.readTree(RELAY_STAND_IN.receptionCalls().get(0).body())
                        .path("insurer")
                        .asText())
                .isEqualTo(KAMEDA_KENPO);
    }

    @Test
    void refusesRevokedPatientCardAtTheDeskAndHasTheRelayLogIt() throws Exception {
        StaffLogin clerk = receptionClerk();
        String personalId = RelayFixture.newPersonalId();
        Card patient = card(PKI.residentCard(personalId));
        PKI.revokeInOcsp(patient.certificate(), KEY_COMPROMISE);
        relayRefuses(409, "CARD_REVOKED");
        assertError(check(clerk, byCard(patient)), 400, "card_revoked");
        assertRelayToldOnce(clerk, patient, personalId, "REVOKED");
    }

    @Test
    void refusesSuspendedPatientCardAtTheDeskAndHasTheRelayLogIt() throws Exception {
        StaffLogin clerk = receptionClerk();
        String personalId = RelayFixture.newPersonalId();
        Card patient = card(PKI.residentCard(personalId));
        PKI.revokeInOcsp(patient.certificate(), CERTIFICATE_HOLD);
        relayRefuses(409, "CARD_SUSPENDED");
        assertError(check(clerk, byCard(patient)), 400, "card_suspended");
        assertRelayToldOnce(clerk, patient, personalId, "ON_HOLD");
    }

    @Test
    void refusesCardTheRelaySaysIsSuspended() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayRefuses(409, "CARD_SUSPENDED");
        assertError(check(clerk, byCard(card(patientCard()))), 400, "card_suspended");
    }

    @Test
    void refusesExpiredPatientCardAtTheDeskAndHasTheRelayLogIt() throws Exception {
        StaffLogin clerk = receptionClerk();
        Instant now = Instant.now();
        String personalId = RelayFixture.newPersonalId();
        Card patient = card(
                PKI.residentCard(personalId).valid(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
        relayRefuses(409, "CARD_EXPIRED");
        assertError(check(clerk, byCard(patient)), 400, "card_expired");
        assertRelayToldOnce(clerk, patient, personalId, "EXPIRED");
    }

    /** The CA's refusal is the answer: a relay that fails, finds the card, or says otherwise does not change it. */
    @Test
    void refusesACardTheCaRefusedWhateverTheRelayAnswers() throws Exception {
        StaffLogin clerk = receptionClerk();
        Card revoked = card(patientCard());
        PKI.revokeInOcsp(revoked.certificate(), KEY_COMPROMISE);

        answerWith(500, Map.of("status", 500));
        assertError(check(clerk, byCard(revoked)), 400, "card_revoked");
        relayFinds(NHI, "鴨川|1006|00", "P0067890", HOSPITAL);
        assertError(check(clerk, byCard(revoked)), 400, "card_revoked");
        relayRefuses(409, "CARD_SUSPENDED");
        assertError(check(clerk, byCard(revoked)), 400, "card_revoked");
        assertThat(RELAY_STAND_IN.receptionCalls()).hasSize(3);
    }

    @Test
    void refusesARevokedStaffCardWithoutAskingTheRelay() throws Exception {
        StaffLogin clerk = receptionClerk();
        Card staffCard = card(PKI.staffCard(java.util.UUID.randomUUID(), HOSPITAL, "RECEPTION_CLERK"));
        PKI.revokeInOcsp(staffCard.certificate(), KEY_COMPROMISE);
        relayRefuses(404, "CARD_UNKNOWN");
        assertError(check(clerk, byCard(staffCard)), 400, "card_revoked");
        assertRelayNotAsked();
    }

    @Test
    void refusesPatientCardUnknownToTheRelay() throws Exception {
        StaffLogin clerk = receptionClerk();
        relayRefuses(404, "CARD_UNKNOWN");
        assertError(check(clerk, byCard(card(patientCard()))), 400, "card_unknown");
        assertThat(RELAY_STAND_IN.receptionCalls()).hasSize(1);
    }

    @Test
    void refusesAStaffCardAsAPatientCard() throws Exception {
        StaffLogin clerk = receptionClerk();
        Card staffCard = card(PKI.staffCard(java.util.UUID.randomUUID(), HOSPITAL, "RECEPTION_CLERK"));
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(clerk, byCard(staffCard)), 400, "card_unknown");
        assertRelayNotAsked();
    }

    @Test
    void refusesACardFromAnotherCa() throws Exception {
        StaffLogin clerk = receptionClerk();
        Card foreign = Card.of(
                org.sscard.testsupport.pki.TestPki.create("another CA")
                        .residentCard(RelayFixture.newPersonalId())
                        .issue(),
                PKI.root().certificate());
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(clerk, byCard(foreign)), 400, "card_unknown");
        assertRelayNotAsked();
    }

    /**
     * Neither OCSP nor the CRL answers: 503, whatever the login's fail-open switch (see PatientCardCheckTest); the
     * relay is told once, for the holder's access log, and its answer changes nothing.
     */
    @Test
    void answersTemporarilyUnavailableWhenTheCardsRevocationStatusIsUnknownAndHasTheRelayLogIt() throws Exception {
        StaffLogin clerk = receptionClerk();
        String personalId = RelayFixture.newPersonalId();
        Card patient = card(PKI.residentCard(personalId).revocationUnreachable());
        relayRefuses(409, "CARD_STATUS_UNKNOWN");
        assertError(check(clerk, byCard(patient)), 503, "temporarily_unavailable");
        assertRelayToldOnce(clerk, patient, personalId, "STATUS_UNKNOWN");

        RELAY_STAND_IN.reset();
        relayFinds(NHI, "x", null, HOSPITAL);
        assertError(check(clerk, byCard(patient)), 503, "temporarily_unavailable");
        answerWith(500, Map.of("status", 500));
        assertError(check(clerk, byCard(patient)), 503, "temporarily_unavailable");
        relayRefuses(404, "CARD_UNKNOWN");
        assertError(check(clerk, byCard(patient)), 503, "temporarily_unavailable");
        assertThat(RELAY_STAND_IN.receptionCalls()).hasSize(3);
    }

    @Test
    void answersTemporarilyUnavailableWhenTheRelayFails() throws Exception {
        StaffLogin clerk = receptionClerk();
        answerWith(500, Map.of("status", 500));
        assertError(check(clerk, byCard(card(patientCard()))), 503, "temporarily_unavailable");
    }

    @Test
    void refusesMalformedCertificateAsInvalidRequest() throws Exception {
        StaffLogin clerk = receptionClerk();
        assertError(
                check(clerk, Map.of("method", "card", "card_certificate", "bm90IGEgY2VydA==")), 400, "invalid_request");
        assertRelayNotAsked();
    }

    /** One relay call naming the card the CA refused and why, acting for the clerk; no insurer asked for. */
    private static void assertRelayToldOnce(StaffLogin clerk, Card patient, String personalId, String pkiRefusal) {
        assertThat(RELAY_STAND_IN.receptionCalls()).singleElement().satisfies(call -> {
            assertThat(call.actingFor()).isEqualTo("staff:" + clerk.id());
            assertThat(JSON.readValue(call.body(), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "clerk",
                            clerk.id().toString(),
                            "clerkCertificateSerial",
                            clerk.certificateSerial(),
                            "organisation",
                            HOSPITAL,
                            "method",
                            "CARD",
                            "certificateSerial",
                            patient.serialHex(),
                            "personalId",
                            personalId,
                            "pkiRefusal",
                            pkiRefusal));
        });
    }
}
