package org.sscard.auth.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.TokenEndpointTest;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.CertificateBuilder;

/**
 * The reception desk at the token endpoint: clerks log in with their staff cards through the real
 * {@code reception-desk} client (application.yml's), against the real relay; the relay's reception check answers
 * from the test's script ({@link org.sscard.auth.support.RelayStandIn}).
 */
abstract class ReceptionDeskTest extends TokenEndpointTest {

    static final String DESK = "reception-desk";
    static final String DESK_REDIRECT = DESK_LOGIN_REDIRECT;
    /** The demo configuration's hospital and insurers (the test relay runs it). */
    static final String HOSPITAL = "kameda-hospital";

    static final String KAMEDA_KENPO = "kameda-kenpo";

    @AfterEach
    void forgetTheScript() {
        RELAY_STAND_IN.reset();
    }

    static StaffLogin clerk(String organisation, String role, String client, String redirectUri) throws Exception {
        return staffLogin(organisation, role, client, redirectUri);
    }

    static StaffLogin receptionClerk() throws Exception {
        return clerk(HOSPITAL, "RECEPTION_CLERK", DESK, DESK_REDIRECT);
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
        return post("/oauth2/token", form);
    }

    static Browser.Page check(StaffLogin clerk, Map<String, String> patient) throws Exception {
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

    static void assertRelayNotAsked() {
        assertThat(RELAY_STAND_IN.receptionCalls()).isEmpty();
    }
}
