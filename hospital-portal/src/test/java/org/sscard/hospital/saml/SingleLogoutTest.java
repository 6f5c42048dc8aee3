package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.soap.soap11.Envelope;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.sscard.hospital.support.HospitalTest;
import org.sscard.hospital.support.ResponseBuilder;
import org.sscard.hospital.support.SamlBrowser;
import org.sscard.hospital.support.TestIdp;

/**
 * Single logout at the SP: the IdP's back-channel LogoutRequest (SOAP binding) ends the patient's session and is
 * answered with a signed LogoutResponse; an unsigned, foreign-signed or foreign-issued one ends nothing; the
 * hospital's own logout sends the browser to the IdP with a signed LogoutRequest for that session.
 */
class SingleLogoutTest extends HospitalTest {

    private static final String SLO = "/saml2/slo/sscard";
    private static final String SLO_URL = "https://hospital.test" + SLO;

    @Test
    void theIdpsSignedLogoutRequestEndsThePatientsSessionAndIsAnsweredSigned() throws Exception {
        LoggedIn alice = logIn("P0077001");
        LoggedIn bob = logIn("P0077002");
        LogoutRequest request = logoutRequest(TestIdp.ENTITY_ID, "P0077001", alice.sessionIndex());

        MvcResult answer = backChannel(TestIdp.serialize(TestIdp.sign(request, IDP.signingCredential())));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        Envelope envelope = (Envelope) LogoutMessages.parse(answer.getResponse().getContentAsByteArray());
        LogoutResponse response =
                (LogoutResponse) envelope.getBody().getUnknownXMLObjects().get(0);
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getIssuer().getValue()).isEqualTo(ResponseBuilder.SP_ENTITY_ID);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(LogoutMessages.signedByOneOf(response, java.util.List.of(spCertificate())))
                .as("signed with the SP's key from its metadata")
                .isTrue();
        assertLoggedOut(alice.session());
        assertThat(records(bob.session()).getResponse().getStatus())
                .as("another patient's session stays")
                .isEqualTo(200);
    }

    @Test
    void refusesAnUnsignedLogoutRequestAndEndsNothing() throws Exception {
        LoggedIn alice = logIn("P0077003");
        LogoutRequest request = logoutRequest(TestIdp.ENTITY_ID, "P0077003", alice.sessionIndex());

        MvcResult answer = backChannel(TestIdp.serialize(TestIdp.marshal(request)));

        assertRefusedAndStillLoggedIn(answer, alice);
    }

    @Test
    void refusesALogoutRequestSignedByAnotherKey() throws Exception {
        LoggedIn alice = logIn("P0077004");
        LogoutRequest request = logoutRequest(TestIdp.ENTITY_ID, "P0077004", alice.sessionIndex());
        BasicX509Credential attacker = TestIdp.credential("CN=attacker");

        MvcResult answer = backChannel(TestIdp.serialize(TestIdp.sign(request, attacker)));

        assertRefusedAndStillLoggedIn(answer, alice);
    }

    @Test
    void refusesALogoutRequestFromAnotherIssuer() throws Exception {
        LoggedIn alice = logIn("P0077005");
        LogoutRequest request = logoutRequest("https://rogue-idp.test/idp", "P0077005", alice.sessionIndex());

        MvcResult answer = backChannel(TestIdp.serialize(TestIdp.sign(request, IDP.signingCredential())));

        assertRefusedAndStillLoggedIn(answer, alice);
    }

    @Test
    void aLogoutRequestForAnotherSessionIndexLeavesThisSession() throws Exception {
        LoggedIn alice = logIn("P0077006");
        LogoutRequest request = logoutRequest(TestIdp.ENTITY_ID, "P0077006", "_another-idp-session");

        MvcResult answer = backChannel(TestIdp.serialize(TestIdp.sign(request, IDP.signingCredential())));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(records(alice.session()).getResponse().getStatus()).isEqualTo(200);
    }

    /** The hospital's logout button: the local session ends, and the IdP is asked to end its own (signed). */
    @Test
    void theHospitalsLogoutEndsTheSessionAndSendsASignedLogoutRequestToTheIdp() throws Exception {
        LoggedIn alice = logIn("P0077007");

        MvcResult logout = mvc.perform(post("/logout").session(alice.session()).with(csrf()))
                .andReturn();

        String location = logout.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(TestIdp.SLO_URL + "?SAMLRequest=");
        SamlBrowser.Redirect redirect = new SamlBrowser.Redirect(location);
        Map<String, String> raw = redirect.rawParameters();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(spCertificate());
        verifier.update(("SAMLRequest=" + raw.get("SAMLRequest") + "&SigAlg=" + raw.get("SigAlg"))
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getDecoder().decode(redirect.parameter("Signature"))))
                .isTrue();
        String xml = redirect.authnRequestXml();
        assertThat(xml)
                .contains("LogoutRequest")
                .contains("Destination=\"" + TestIdp.SLO_URL + "\"")
                .contains(">P0077007</saml2:NameID>")
                .contains(">" + alice.sessionIndex() + "</saml2p:SessionIndex>")
                .contains(ResponseBuilder.SP_ENTITY_ID + "</saml2:Issuer>");
        assertThat(records(new MockHttpSession()).getResponse().getStatus()).isEqualTo(302);
        assertThat(alice.session().isInvalid()).isTrue();
    }

    @Test
    void publishesItsBackChannelLogoutServiceInItsMetadata() throws Exception {
        String metadata = mvc.perform(get("/saml2/service-provider-metadata/sscard"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metadata)
                .contains("<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\" Location=\""
                        + SLO_URL + "\"/>");
    }

    private record LoggedIn(MockHttpSession session, String sessionIndex) {}

    private LoggedIn logIn(String patient) throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        String requestId = browser.startLogin().requestId();
        String sessionIndex = TestIdp.newId();
        MvcResult login = browser.postResponse(IDP.response(patient)
                .inResponseTo(requestId)
                .sessionIndex(sessionIndex)
                .base64());
        assertThat(login.getResponse().getStatus()).isEqualTo(302);
        assertThat(records(browser.session()).getResponse().getStatus()).isEqualTo(200);
        return new LoggedIn(browser.session(), sessionIndex);
    }

    private MvcResult records(MockHttpSession session) throws Exception {
        return mvc.perform(get("/records").session(session)).andReturn();
    }

    private void assertLoggedOut(MockHttpSession session) throws Exception {
        assertThat(session.isInvalid()).as("the session has ended").isTrue();
    }

    private void assertRefusedAndStillLoggedIn(MvcResult answer, LoggedIn alice) throws Exception {
        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(answer.getResponse().getContentAsString()).doesNotContain("LogoutResponse");
        assertThat(alice.session().isInvalid()).isFalse();
        assertThat(records(alice.session()).getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult backChannel(String logoutRequestXml) throws Exception {
        return mvc.perform(post(SLO)
                        .contentType(MediaType.TEXT_XML)
                        .content(LogoutMessages.soapEnvelope(logoutRequestXml)))
                .andReturn();
    }

    private static LogoutRequest logoutRequest(String issuerValue, String patient, String sessionIndex) {
        LogoutRequest request = TestIdp.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(TestIdp.newId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setIssueInstant(now);
        request.setNotOnOrAfter(now.plusSeconds(300));
        request.setDestination(SLO_URL);
        Issuer issuer = TestIdp.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(issuerValue);
        request.setIssuer(issuer);
        NameID nameId = TestIdp.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(patient);
        request.setNameID(nameId);
        SessionIndex index = TestIdp.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(sessionIndex);
        request.getSessionIndexes().add(index);
        return request;
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
