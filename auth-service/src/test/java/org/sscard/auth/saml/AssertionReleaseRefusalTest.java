package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Browser;

/** A valid request from a registered SP, and still no assertion: the person is not known there, or did not agree. */
class AssertionReleaseRefusalTest extends SamlIdpTest {

    @Test
    void refusesResidentWithoutMappingForSp() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, null, true);
        Browser browser = resident.browser();

        Browser.Page page =
                continueWithCard(browser, browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential)));

        assertRefused(page, SsoRefusal.NO_MAPPING);
        assertRefusalLoggedAndNoAssertionIssued(resident, sp);
    }

    @Test
    void refusesResidentWhoHasNotSubscribedToTheProvider() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "NOT-CONSENTED-1", false);
        Browser browser = resident.browser();

        Browser.Page page =
                continueWithCard(browser, browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential)));

        assertRefused(page, SsoRefusal.NO_CONSENT);
        assertThat(page.body()).doesNotContain("NOT-CONSENTED-1");
        assertRefusalLoggedAndNoAssertionIssued(resident, sp);
    }

    @Test
    void refusesIdpInitiatedSsoToAProviderWithoutSpMetadata() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "Y1", true);
        Browser browser = resident.browser();

        assertRefused(
                followCardLogin(browser, browser.get(MAIN + "/saml/idp/init/no-such-provider")), SsoRefusal.UNKNOWN_SP);
    }

    /** Login CSRF at the SP: an SP whose registration does not ask for unsolicited SSO never gets a Response of it. */
    @Test
    void neverProducesAnUnsolicitedResponseForAnSpThatDidNotAskForIt() throws Exception {
        TestSp sp = registeredSp(false);
        Resident resident = resident(sp, "NO-UNSOLICITED-1", true);
        Browser browser = resident.browser();

        Browser.Page page = followCardLogin(browser, browser.get(MAIN + "/saml/idp/init/" + sp.key));

        assertRefused(page, SsoRefusal.UNSOLICITED_NOT_REGISTERED);
        assertThat(page.body()).doesNotContain("SAMLResponse").doesNotContain("NO-UNSOLICITED-1");
        assertThat(CITY_OFFICE.accessLog(resident.person()).findValuesAsText("action"))
                .doesNotContain("ASSERTION_ISSUED", "RELEASE_REFUSED");
        // the same SP, the same session: its own signed AuthnRequest is answered
        Browser.Page answer = browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential));
        assertThat(postedResponse(continueWithCard(browser, answer)).response().getInResponseTo())
                .isNotNull();
    }

    /** The relay looked and said no: one RELEASE_REFUSED row naming the SP, and no assertion in the log. */
    private static void assertRefusalLoggedAndNoAssertionIssued(Resident resident, TestSp sp) {
        JsonNode log = CITY_OFFICE.accessLog(resident.person());
        assertThat(log.findValuesAsText("action")).doesNotContain("ASSERTION_ISSUED");
        assertThat(log.get(0).path("action").asText()).isEqualTo("RELEASE_REFUSED");
        assertThat(log.get(0).path("providerKey").asText()).isEqualTo(sp.key);
        assertThat(log.get(0).path("purpose").asText()).isEqualTo("SAML single sign-on");
    }
}
