package org.sscard.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;
import org.sscard.auth.login.LoginRefusal;

/** Card-login tests: cards registered in the relay, and what a refused login must look like to the person. */
public abstract class CardLoginTest extends AuthServiceTest {

    protected static final String HOSPITAL = "login-test-hospital";
    protected static final String RESIDENT_LOGIN = CARD_LOGIN + "/login/card/resident";
    protected static final String STAFF_LOGIN = CARD_LOGIN + "/login/card/staff";

    protected static void assertRefused(String login, Card card, LoginRefusal reason) throws IOException {
        Browser.Page page = new Browser(card.clientContext()).get(login);
        assertThat(page.header("Sscard-Login-Refusal")).as(page.body()).isEqualTo(reason.name());
        assertThat(page.status()).isEqualTo(reason.status().value());
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"ja\"", reason.japanese(), reason.english());
    }

    protected static Card clerkCard(UUID clerk, String organisation) {
        return card(PKI.staffCard(clerk, organisation, "RECEPTION_CLERK"));
    }

    protected static Card registeredClerkCard() {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, HOSPITAL);
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        return card;
    }
}
