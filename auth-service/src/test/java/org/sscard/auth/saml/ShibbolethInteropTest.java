package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;

/**
 * Interoperability with a third-party SP, over HTTP end to end: Apache httpd + the Shibboleth SP on loopback, its
 * own metadata (from its metadata handler) registered in the relay, the IdP's metadata fed to shibd. A resident
 * opens a protected page; Shibboleth sends a signed AuthnRequest (Redirect binding) to the IdP; the card login;
 * the IdP's form posts the assertion to Shibboleth's ACS; the page shows the NameID Shibboleth accepted.
 */
class ShibbolethInteropTest extends SamlIdpTest {

    @Test
    void shibbolethAcceptsTheAssertionAndSeesThePatientNumberAsNameId() throws Exception {
        String idpMetadata = new Browser(Card.noCard(PKI.root().certificate()))
                .get(MAIN + "/saml/idp/metadata")
                .body();
        try (ShibbolethSp shibboleth = ShibbolethSp.start(SAML_IDP_ENTITY_ID, idpMetadata)) {
            signsInThrough(shibboleth);
        }
    }

    private static void signsInThrough(ShibbolethSp shibboleth) throws Exception {
        Browser anonymous = new Browser(Card.noCard(PKI.root().certificate()));
        Browser.Page spMetadata = anonymous.get(shibboleth.base + "/Shibboleth.sso/Metadata");
        assertThat(spMetadata.status()).as(shibboleth.logs()).isEqualTo(200);
        String key = "shib" + ProcessHandle.current().pid();
        CITY_OFFICE.registerSamlSp(key, shibboleth.entityId, shibboleth.acsUrl, spMetadata.body());
        TestSp asRegistered = new TestSp(key);
        Resident resident = resident(asRegistered, "H-000123", true);
        Browser browser = resident.browser();

        Browser.Page protectedPage = browser.get(shibboleth.base + "/secure/whoami");
        assertThat(protectedPage.status())
                .as(protectedPage.body() + shibboleth.logs())
                .isEqualTo(302);
        assertThat(protectedPage.location()).startsWith(SSO + "?SAMLRequest=").contains("&Signature=");

        PostedResponse posted = postedResponse(continueWithCard(browser, browser.get(protectedPage.location())));
        assertThat(posted.action()).isEqualTo(shibboleth.acsUrl);
        Browser.Page acs = browser.postForm(
                posted.action(),
                Map.of(
                        "SAMLResponse",
                        Base64.getEncoder().encodeToString(posted.xml().getBytes(StandardCharsets.UTF_8)),
                        "RelayState",
                        posted.relayState()));
        assertThat(acs.status()).as(acs.body() + shibboleth.logs()).isEqualTo(302);
        assertThat(acs.location()).isEqualTo(shibboleth.base + "/secure/whoami");

        Browser.Page whoami = browser.get(acs.location());
        assertThat(whoami.status()).as(whoami.body() + shibboleth.logs()).isEqualTo(200);
        assertThat(whoami.body())
                .contains("REMOTE_USER=H-000123", "patient=H-000123")
                .doesNotContain(resident.personalId());
    }
}
