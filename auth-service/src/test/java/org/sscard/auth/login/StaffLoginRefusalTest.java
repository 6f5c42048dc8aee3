package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CardLoginTest;
import org.sscard.testsupport.RelayFixture;

/** Staff refusals, and the wall between the resident and the staff login, over real mTLS. */
class StaffLoginRefusalTest extends CardLoginTest {

    @Test
    void refusesStaffCardAtTheResidentEntranceAndPointsToTheDesk() throws Exception {
        Card card = registeredClerkCard();
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.STAFF_CARD_AT_RESIDENT_ENTRANCE);
        Browser.Page page = new Browser(card.clientContext()).get(RESIDENT_LOGIN);
        assertThat(page.body())
                .contains("職員の方は受付窓口", "Staff log in at the reception desk")
                .contains("<a id=\"onwards\" href=\"" + DESK_URL + "/\">");
    }

    @Test
    void refusesResidentCardOnStaffLogin() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        assertRefused(STAFF_LOGIN, card, LoginRefusal.WRONG_PROFILE);
        assertThat(new Browser(card.clientContext()).get(STAFF_LOGIN).body()).doesNotContain("onwards");
    }

    @Test
    void refusesInactiveStaff() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, HOSPITAL);
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        CITY_OFFICE.setStaffStatus(clerk, "SUSPENDED");
        assertRefused(STAFF_LOGIN, card, LoginRefusal.STAFF_INACTIVE);
    }

    @Test
    void refusesStaffCardNamingAnotherOrganisation() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, "kameda-hospital");
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        assertRefused(STAFF_LOGIN, card, LoginRefusal.STAFF_MISMATCH);
    }

    @Test
    void servesNothingButTheCardLoginOnItsConnector() throws Exception {
        Browser browser = new Browser(registeredClerkCard().clientContext());
        assertThat(browser.get(CARD_LOGIN + "/oauth2/jwks").status()).isEqualTo(403);
        assertThat(browser.get(CARD_LOGIN + "/actuator/health").status()).isEqualTo(403);
    }
}
