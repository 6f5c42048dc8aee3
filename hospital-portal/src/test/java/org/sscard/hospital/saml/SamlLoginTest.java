package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.sscard.hospital.support.HospitalTest;
import org.sscard.hospital.support.ResponseBuilder;
import org.sscard.hospital.support.SamlBrowser;
import org.sscard.hospital.support.TestIdp;

/** SP-initiated and IdP-initiated login against a test IdP, and the signed AuthnRequest the IdP requires. */
class SamlLoginTest extends HospitalTest {

    @Test
    void sendsASignedAuthnRequestOnTheRedirectBinding() throws Exception {
        SamlBrowser.Redirect redirect = new SamlBrowser(mvc).startLogin();

        assertThat(redirect.location()).startsWith(TestIdp.SSO_URL + "?");
        String request = redirect.authnRequestXml();
        assertThat(request)
                .contains("Destination=\"" + TestIdp.SSO_URL + "\"")
                .contains("AssertionConsumerServiceURL=\"" + ResponseBuilder.ACS + "\"")
                .contains(ResponseBuilder.SP_ENTITY_ID + "</saml2:Issuer>");
        Map<String, String> raw = redirect.rawParameters();
        assertThat(redirect.parameter("SigAlg")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        // the query-string signature (SAML bindings 3.4.4.1) verifies with the certificate in the SP's metadata
        String signed = "SAMLRequest=" + raw.get("SAMLRequest")
                + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                + "&SigAlg=" + raw.get("SigAlg");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(spCertificate());
        verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getDecoder().decode(redirect.parameter("Signature"))))
                .isTrue();
    }

    @Test
    void acceptsTheIdpsSignedResponseToItsOwnRequestAndShowsTheRecords() throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        String requestId = browser.startLogin().requestId();

        MvcResult login = browser.postResponse(
                IDP.response("P0099001").inResponseTo(requestId).base64());

        assertThat(login.getResponse().getStatus())
                .as(login.getResponse().getHeader(SamlRefusalHandler.HEADER))
                .isEqualTo(302);
        assertThat(login.getResponse().getRedirectedUrl()).endsWith("/records");
        MvcResult page = mvc.perform(get("/records").session(browser.session())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("P0099001");
    }

    /** Login CSRF: an attacker's own unsolicited Response, auto-posted into the victim's browser from another site. */
    @Test
    void refusesAnUnsolicitedResponseInAFreshBrowser() throws Exception {
        SamlBrowser victim = new SamlBrowser(mvc);

        MvcResult login = victim.postResponse(IDP.response("P0099002").base64());

        assertRefusedAndLoggedOut(login, victim, SamlRefusal.UNSOLICITED);
    }

    /** A valid Response answering another browser's request, posted into a fresh browser (its own cookie jar). */
    @Test
    void refusesAnotherSessionsResponsePostedIntoAFreshBrowser() throws Exception {
        SamlBrowser attacker = new SamlBrowser(mvc);
        String attackersRequest = attacker.startLogin().requestId();
        String attackersResponse =
                IDP.response("P0099003").inResponseTo(attackersRequest).base64();

        SamlBrowser victim = new SamlBrowser(mvc);
        assertRefusedAndLoggedOut(victim.postResponse(attackersResponse), victim, SamlRefusal.IN_RESPONSE_TO_MISMATCH);

        SamlBrowser victimLoggingIn = new SamlBrowser(mvc);
        victimLoggingIn.startLogin();
        assertRefusedAndLoggedOut(
                victimLoggingIn.postResponse(attackersResponse), victimLoggingIn, SamlRefusal.IN_RESPONSE_TO_MISMATCH);
    }

    /** The request is used up by its answer: a second Response to it is refused in the same browser. */
    @Test
    void forgetsTheRequestOnceAnswered() throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        String requestId = browser.startLogin().requestId();
        assertThat(browser.postResponse(
                                IDP.response("P0099004").inResponseTo(requestId).base64())
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);

        MvcResult second = browser.postResponse(
                IDP.response("P0099005").inResponseTo(requestId).base64());

        assertThat(second.getResponse().getStatus()).isEqualTo(401);
        assertThat(second.getResponse().getHeader(SamlRefusalHandler.HEADER)).isEqualTo("IN_RESPONSE_TO_MISMATCH");
    }

    private void assertRefusedAndLoggedOut(MvcResult result, SamlBrowser browser, SamlRefusal expected)
            throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getHeader(SamlRefusalHandler.HEADER)).isEqualTo(expected.name());
        MvcResult page = mvc.perform(get("/records").session(browser.session())).andReturn();
        assertThat(page.getResponse().getStatus()).as("still logged out").isEqualTo(302);
        assertThat(page.getResponse().getContentAsString()).doesNotContain("P00990");
    }

    @Test
    void sendsAnUnauthenticatedVisitorToTheLogin() throws Exception {
        MvcResult page = mvc.perform(get("/records")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(302);
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/saml2/authenticate/sscard");
    }

    @Test
    void publishesItsMetadataWithTheSigningCertificate() throws Exception {
        String metadata = mvc.perform(get("/saml2/service-provider-metadata/sscard"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(metadata)
                .contains("entityID=\"" + ResponseBuilder.SP_ENTITY_ID + "\"")
                .contains("Location=\"" + ResponseBuilder.ACS + "\"")
                .contains("AuthnRequestsSigned=\"true\"")
                .contains("<ds:X509Certificate>");
    }

    private java.security.cert.X509Certificate spCertificate() throws Exception {
        String metadata = mvc.perform(get("/saml2/service-provider-metadata/sscard"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String base64 = metadata.replaceAll("(?s).*<ds:X509Certificate>(.*?)</ds:X509Certificate>.*", "$1");
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    }
}
