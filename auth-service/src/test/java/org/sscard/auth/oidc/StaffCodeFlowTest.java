package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;

/** A reception clerk logs in with their staff token: the ID token names the staff member, role and organisation. */
class StaffCodeFlowTest extends AuthServiceTest {

    static final String HOSPITAL = "login-test-hospital";

    @Test
    void clerkLogsInWithStaffCardAndGetsRoleAndOrganisationClaims() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = card(PKI.staffCard(clerk, HOSPITAL, "RECEPTION_CLERK"));
        CITY_OFFICE.registerCard("staff", clerk, card.certificate());
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, STAFF_CLIENT, REDIRECT_URI);

        Browser.Page authorize = browser.get(flow.authorizeUrl());
        assertThat(authorize.location()).isEqualTo(CARD_LOGIN + "/login/card/staff");
        Browser.Page cardLogin = browser.get(authorize.location());
        assertThat(cardLogin.status()).as(cardLogin.body()).isEqualTo(302);
        String code = flow.codeFrom(browser.get(cardLogin.location()).location());

        JWTClaimsSet idToken =
                flow.verifiedIdToken(flow.exchange(code, clientAssertion(STAFF_CLIENT), flow.verifier()));
        assertThat(idToken.getSubject()).isEqualTo(clerk.toString());
        assertThat(idToken.getStringClaim("role")).isEqualTo("RECEPTION_CLERK");
        assertThat(idToken.getStringClaim("organisation")).isEqualTo(HOSPITAL);
        assertThat(idToken.getStringClaim("login_profile")).isEqualTo("staff");
    }
}
