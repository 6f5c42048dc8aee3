package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;
import org.sscard.testsupport.RelayFixture;

/**
 * A card session answers only the clients of its own profile (a clerk's staff session never answers a reception
 * desk's request for the patient's login, a resident's never a staff client), and {@code prompt=login} and
 * {@code max_age} ask for the card again before the request is answered.
 */
class FreshLoginTest extends AuthServiceTest {

    private static final String HOSPITAL = "fresh-login-hospital";

    @Test
    void aClerksSessionNeverAnswersTheReceptionDesksRequestForThePatientsLogin() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Browser browser = loggedIn(staffCard(clerk), STAFF_CLIENT);

        CodeFlow desk = new CodeFlow(browser, MAIN, DESK_CLIENT, REDIRECT_URI);
        Browser.Page authorize = browser.get(desk.authorizeUrl(Map.of("acting_staff", clerk.toString())));

        assertThat(authorize.location())
                .as("the patient's own card is asked for, not a code for the clerk's session")
                .isEqualTo(CARD_LOGIN + "/login/card/resident");
    }

    @Test
    void aResidentsSessionNeverAnswersAStaffClient() throws Exception {
        Browser browser = loggedIn(newResidentCard(), RESIDENT_CLIENT);

        Browser.Page authorize = browser.get(new CodeFlow(browser, MAIN, STAFF_CLIENT, REDIRECT_URI).authorizeUrl());

        assertThat(authorize.location()).isEqualTo(CARD_LOGIN + "/login/card/staff");
    }

    @Test
    void aSessionStillAnswersAnotherRequestOfItsProfileWithoutAskingAgain() throws Exception {
        Browser browser = loggedIn(newResidentCard(), RESIDENT_CLIENT);
        CodeFlow again = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);

        assertThat(again.codeFrom(browser.get(again.authorizeUrl()).location())).isNotBlank();
        CodeFlow recent = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        assertThat(recent.codeFrom(browser.get(recent.authorizeUrl(Map.of("max_age", "3600")))
                        .location()))
                .isNotBlank();
    }

    @Test
    void promptLoginAsksForTheCardAgainAndThenAnswers() throws Exception {
        Browser browser = loggedIn(newResidentCard(), RESIDENT_CLIENT);
        assertFreshLoginThenCode(browser, Map.of("prompt", "login"));
    }

    @Test
    void maxAgeAsksForTheCardWhenTheLoginIsOlderAndThenAnswers() throws Exception {
        Browser browser = loggedIn(newResidentCard(), RESIDENT_CLIENT);
        assertFreshLoginThenCode(browser, Map.of("max_age", "0"));
    }

    /** The request goes to the card login first; the card login returns to it, and then it is answered. */
    private static void assertFreshLoginThenCode(Browser browser, Map<String, String> parameters) throws Exception {
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        String request = flow.authorizeUrl(parameters);
        Browser.Page authorize = browser.get(request);
        assertThat(authorize.location()).isEqualTo(CARD_LOGIN + "/login/card/resident");

        Browser.Page cardLogin = browser.get(authorize.location());
        assertThat(cardLogin.status()).as(cardLogin.body()).isEqualTo(302);
        assertThat(cardLogin.location()).as("back to the same request").startsWith(request);
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());
        Browser.Page tokens = flow.exchange(code, clientAssertion(RESIDENT_CLIENT), flow.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }

    private static Card newResidentCard() {
        String personalId = RelayFixture.newPersonalId();
        return registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
    }

    private static Card staffCard(UUID clerk) {
        Card card = card(PKI.staffCard(clerk, HOSPITAL, "RECEPTION_CLERK"));
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        return card;
    }

    /** A browser with the card in its reader, logged in through {@code client} (the code redeemed). */
    private static Browser loggedIn(Card card, String client) throws Exception {
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, client, REDIRECT_URI);
        Browser.Page cardLogin = browser.get(browser.get(flow.authorizeUrl()).location());
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());
        Browser.Page tokens = flow.exchange(code, clientAssertion(client), flow.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return browser;
    }
}
