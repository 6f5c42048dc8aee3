package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(CITY_OFFICE.accessLog(resident.person()).findValuesAsText("action"))
                .doesNotContain("ASSERTION_ISSUED");
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
    }

    @Test
    void refusesIdpInitiatedSsoToAProviderWithoutSpMetadata() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "Y1", true);
        Browser browser = resident.browser();

        assertRefused(
                followCardLogin(browser, browser.get(MAIN + "/saml/idp/init/no-such-provider")), SsoRefusal.UNKNOWN_SP);
    }
}
