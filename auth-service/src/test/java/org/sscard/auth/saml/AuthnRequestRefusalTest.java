package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;

/**
 * AuthnRequests the IdP refuses before anyone logs in: nothing is parked, no card is asked for, no assertion leaves.
 */
class AuthnRequestRefusalTest extends SamlIdpTest {

    private final Browser browser = new Browser(Card.noCard(PKI.root().certificate()));

    @Test
    void refusesAuthnRequestFromUnknownSp() throws Exception {
        TestSp unknown = new TestSp("never-registered");

        assertRefused(
                browser.get(TestSp.redirectUrl(SSO, unknown.request(SSO), null, unknown.credential)),
                SsoRefusal.UNKNOWN_SP);
    }

    @Test
    void refusesUnsignedRedirectRequest() throws Exception {
        TestSp sp = registeredSp();

        assertRefused(browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, null)), SsoRefusal.UNSIGNED_REQUEST);
    }

    @Test
    void refusesRedirectRequestWithBadSignature() throws Exception {
        TestSp sp = registeredSp();

        assertRefused(
                browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, TestSp.newCredential())),
                SsoRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesRedirectRequestWhoseRelayStateWasChangedAfterSigning() throws Exception {
        TestSp sp = registeredSp();
        String signed = TestSp.redirectUrl(SSO, sp.request(SSO), "original", sp.credential);

        assertRefused(
                browser.get(signed.replace("RelayState=original", "RelayState=tampered")), SsoRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesRedirectRequestSignedWithSha1() throws Exception {
        TestSp sp = registeredSp();
        String signed = TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential);

        assertRefused(
                browser.get(signed.replace(TestSp.encode("rsa-sha256"), TestSp.encode("rsa-sha1"))),
                SsoRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesUnsignedPostRequest() throws Exception {
        TestSp sp = registeredSp();

        assertRefused(
                browser.postForm(SSO, Map.of("SAMLRequest", TestSp.postValue(sp.request(SSO), null))),
                SsoRefusal.UNSIGNED_REQUEST);
    }

    @Test
    void refusesPostRequestWithBadSignature() throws Exception {
        TestSp sp = registeredSp();

        assertRefused(
                browser.postForm(SSO, Map.of("SAMLRequest", TestSp.postValue(sp.request(SSO), TestSp.newCredential()))),
                SsoRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesPostRequestAlteredAfterSigning() throws Exception {
        TestSp sp = registeredSp();
        String xml = new String(
                Base64.getDecoder().decode(TestSp.postValue(sp.request(SSO), sp.credential)), StandardCharsets.UTF_8);
        String altered = xml.replace(sp.acsUrl, sp.otherAcsUrl);
        assertThat(altered).isNotEqualTo(xml);

        assertRefused(
                browser.postForm(
                        SSO,
                        Map.of(
                                "SAMLRequest",
                                Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8)))),
                SsoRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesAcsUrlNotInMetadata() throws Exception {
        TestSp sp = registeredSp();
        AuthnRequest request = sp.request(SSO, Instant.now(), "https://attacker.test/collect");

        assertRefused(
                browser.get(TestSp.redirectUrl(SSO, request, null, sp.credential)), SsoRefusal.ACS_NOT_IN_METADATA);
    }

    @Test
    void refusesReplayedAuthnRequest() throws Exception {
        TestSp sp = registeredSp();
        String url = TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential);
        assertThat(browser.get(url).status()).isEqualTo(303);

        assertRefused(browser.get(url), SsoRefusal.REPLAYED_REQUEST);
    }

    @Test
    void refusesAuthnRequestIssuedTooLongAgo() throws Exception {
        TestSp sp = registeredSp();
        AuthnRequest old = sp.request(SSO, Instant.now().minus(Duration.ofMinutes(10)), sp.acsUrl);

        assertRefused(browser.get(TestSp.redirectUrl(SSO, old, null, sp.credential)), SsoRefusal.STALE_REQUEST);
    }

    @Test
    void refusesAuthnRequestIssuedInTheFuture() throws Exception {
        TestSp sp = registeredSp();
        AuthnRequest future = sp.request(SSO, Instant.now().plus(Duration.ofMinutes(10)), sp.acsUrl);

        assertRefused(browser.get(TestSp.redirectUrl(SSO, future, null, sp.credential)), SsoRefusal.STALE_REQUEST);
    }

    @Test
    void refusesAuthnRequestAddressedToAnotherIdp() throws Exception {
        TestSp sp = registeredSp();

        assertRefused(
                browser.get(TestSp.redirectUrl(SSO, sp.request("https://other-idp.test/sso"), null, sp.credential)),
                SsoRefusal.WRONG_DESTINATION);
    }

    @Test
    void refusesRequestWithADoctype() throws Exception {
        TestSp sp = registeredSp();
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + OpenSaml.toXml(OpenSaml.marshal(sp.request(SSO)));

        assertRefused(
                browser.postForm(
                        SSO,
                        Map.of(
                                "SAMLRequest",
                                Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)))),
                SsoRefusal.MALFORMED_REQUEST);
    }

    @Test
    void refusesARedirectRequestThatInflatesBeyondTheLimit() throws Exception {
        byte[] bomb = TestSp.deflate(new byte[RedirectBinding.MAX_INFLATED * 4]);

        assertRefused(
                browser.get(SSO + "?SAMLRequest="
                        + TestSp.encode(Base64.getEncoder().encodeToString(bomb))),
                SsoRefusal.MALFORMED_REQUEST);
    }

    @Test
    void refusesAnUnknownContinuation() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "X1", true);
        Browser person = resident.browser();

        assertRefused(
                followCardLogin(person, person.get(MAIN + "/saml/idp/sso/resume?request=made-up")),
                SsoRefusal.EXPIRED_CONTINUATION);
    }
}
