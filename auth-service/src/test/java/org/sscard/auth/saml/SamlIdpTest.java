package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.springframework.web.util.HtmlUtils;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.testsupport.RelayFixture;

/** SAML IdP tests: SPs of the tests' own registered in the real relay, residents with real cards over real TLS. */
abstract class SamlIdpTest extends AuthServiceTest {

    protected static final String SSO = MAIN + "/saml/idp/sso";
    private static final AtomicInteger SPS = new AtomicInteger();

    /** A new SP registered in the relay with its metadata. */
    static TestSp registeredSp() {
        return registeredSp(false);
    }

    /** {@code unsolicitedSso}: its registration asks for IdP-initiated SSO. */
    static TestSp registeredSp(boolean unsolicitedSso) {
        return registeredSp(unsolicitedSso, null);
    }

    /** {@code backChannelLogoutUrl}: its single logout service on the SOAP binding, or null. */
    static TestSp registeredSp(boolean unsolicitedSso, String backChannelLogoutUrl) {
        TestSp sp = new TestSp(
                "sp" + ProcessHandle.current().pid() + "-" + SPS.incrementAndGet(),
                unsolicitedSso,
                backChannelLogoutUrl);
        CITY_OFFICE.registerSamlSp(sp.key, sp.entityId, sp.acsUrl, sp.metadata());
        return sp;
    }

    /** A resident with a registered card, subscribed to the SP's service and known there as {@code localNumber}. */
    record Resident(UUID person, String personalId, Card card) {

        Browser browser() {
            return new Browser(card.clientContext());
        }
    }

    static Resident resident(TestSp sp, String localNumber, boolean subscribed) {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        if (localNumber == null && subscribed) {
            // joined while the provider knew them (the relay lets no one join otherwise); its ID ended yesterday
            CITY_OFFICE.join(person, sp.key, "records", null);
        } else {
            if (localNumber != null) {
                CITY_OFFICE.mapLocalNumber(person, sp.key, localNumber);
            }
            if (subscribed) {
                CITY_OFFICE.subscribe(person, sp.key, "records");
            }
        }
        return new Resident(person, personalId, card);
    }

    /** From the IdP's answer to an AuthnRequest: on to the continuation, through the card login if needed. */
    static Browser.Page continueWithCard(Browser browser, Browser.Page answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        assertThat(answer.location()).startsWith(MAIN + "/saml/idp/sso/resume?request=");
        return followCardLogin(browser, browser.get(answer.location()));
    }

    static Browser.Page followCardLogin(Browser browser, Browser.Page page) throws IOException {
        if (page.status() == 302 && page.location().equals(CARD_LOGIN + "/login/card/resident")) {
            Browser.Page login = browser.get(page.location());
            assertThat(login.status()).as(login.body()).isEqualTo(302);
            return browser.get(login.location());
        }
        return page;
    }

    /** The auto-posting form: where it posts, the decoded Response, the RelayState. */
    record PostedResponse(String action, String xml, Response response, String relayState) {}

    static PostedResponse postedResponse(Browser.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String action = HtmlUtils.htmlUnescape(field(page.body(), "<form method=\"post\" action=\"([^\"]+)\""));
        String xml = new String(
                Base64.getDecoder().decode(field(page.body(), "name=\"SAMLResponse\" value=\"([^\"]+)\"")),
                StandardCharsets.UTF_8);
        Matcher relay =
                Pattern.compile("name=\"RelayState\" value=\"([^\"]*)\"").matcher(page.body());
        Response response = (Response) OpenSaml.parse(xml);
        return new PostedResponse(action, xml, response, relay.find() ? HtmlUtils.htmlUnescape(relay.group(1)) : null);
    }

    /** The signing certificate the IdP publishes in its metadata. */
    static X509Certificate idpCertificate() throws Exception {
        Browser.Page metadata = new Browser(Card.noCard(PKI.root().certificate())).get(MAIN + "/saml/idp/metadata");
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(metadata.body());
        return KeyInfoSupport.getCertificates(entity.getIDPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol")
                        .getKeyDescriptors()
                        .get(0)
                        .getKeyInfo())
                .get(0);
    }

    static void assertRefused(Browser.Page page, SsoRefusal refusal) {
        assertThat(page.header(SsoController.REFUSAL_PAGE.reasonHeader()))
                .as(page.body())
                .isEqualTo(refusal.name());
        assertThat(page.status()).isEqualTo(refusal.status().value());
        assertThat(page.body())
                .contains("lang=\"ja\"", refusal.japanese(), refusal.english())
                .doesNotContain("SAMLResponse");
    }

    private static String field(String body, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
