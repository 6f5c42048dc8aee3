package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.soap.soap11.Envelope;
import org.sscard.auth.relay.RelayProvider;
import org.sscard.auth.support.Browser;

/**
 * Single logout at the IdP: an SP's signed LogoutRequest ends the IdP session, and the IdP's back channel (SOAP)
 * tells every other SP of that session with a signed LogoutRequest naming its NameID and session index; a LogoutRequest
 * that is unsigned or signed by another key ends nothing; the SP's LogoutResponse counts only when the SP signed it,
 * the SP issued it and it answers the request. ForceAuthn asks for a fresh card login.
 */
class SingleLogoutTest extends SamlIdpTest {

    private static final String SLO = MAIN + "/saml/idp/slo";

    private final List<LogoutRequest> received = new CopyOnWriteArrayList<>();
    private HttpServer backChannel;
    private volatile TestSp answeringSp;

    @AfterEach
    void stopBackChannel() {
        if (backChannel != null) {
            backChannel.stop(0);
        }
    }

    @Test
    void anSpsLogoutEndsTheIdpSessionAndTellsTheOtherSpOnTheBackChannel() throws Exception {
        TestSp hospital = registeredSp();
        TestSp clinic = registeredSp(false, startBackChannel());
        answeringSp = clinic;
        Resident resident = resident(hospital, "H-0001", true);
        CITY_OFFICE.mapLocalNumber(resident.person(), clinic.key, "C-0001");
        CITY_OFFICE.subscribe(resident.person(), clinic.key, "records");
        Browser browser = resident.browser();
        postedResponse(continueWithCard(
                browser, browser.get(TestSp.redirectUrl(SSO, hospital.request(SSO), null, hospital.credential))));
        PostedResponse atClinic = postedResponse(continueWithCard(
                browser, browser.get(TestSp.redirectUrl(SSO, clinic.request(SSO), null, clinic.credential))));
        String clinicSessionIndex = atClinic.response()
                .getAssertions()
                .get(0)
                .getAuthnStatements()
                .get(0)
                .getSessionIndex();

        Browser.Page bye = browser.get(redirectUrl(logoutRequest(hospital, "H-0001"), hospital.credential));

        assertThat(bye.status()).as(bye.body()).isEqualTo(303);
        assertThat(bye.location()).endsWith("/logged-out");
        assertThat(received).hasSize(1);
        LogoutRequest told = received.get(0);
        PostBinding.verifySignature(told, List.of(idpCertificate()));
        assertThat(told.getIssuer().getValue()).isEqualTo(SAML_IDP_ENTITY_ID);
        assertThat(told.getNameID().getValue()).isEqualTo("C-0001");
        assertThat(told.getSessionIndexes().get(0).getValue()).isEqualTo(clinicSessionIndex);
        // the IdP session is gone: the next request needs the card again
        Browser.Page again =
                browser.get(browser.get(TestSp.redirectUrl(SSO, hospital.request(SSO), null, hospital.credential))
                        .location());
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).isEqualTo(CARD_LOGIN + "/login/card/resident");
    }

    @Test
    void anUnsignedOrForeignSignedLogoutRequestEndsNothing() throws Exception {
        TestSp hospital = registeredSp();
        Resident resident = resident(hospital, "H-0002", true);
        Browser browser = resident.browser();
        postedResponse(continueWithCard(
                browser, browser.get(TestSp.redirectUrl(SSO, hospital.request(SSO), null, hospital.credential))));

        assertRefused(browser.get(redirectUrl(logoutRequest(hospital, "H-0002"), null)), SsoRefusal.UNSIGNED_REQUEST);
        assertRefused(
                browser.get(redirectUrl(logoutRequest(hospital, "H-0002"), TestSp.newCredential())),
                SsoRefusal.BAD_SIGNATURE);

        Browser.Page stillIn =
                browser.get(browser.get(TestSp.redirectUrl(SSO, hospital.request(SSO), null, hospital.credential))
                        .location());
        assertThat(postedResponse(stillIn).response().getInResponseTo()).isNotNull();
    }

    @Test
    void aLogoutResponseCountsOnlySignedByTheSpFromTheSpAnsweringTheRequest() throws Exception {
        TestSp sp = new TestSp("slo-unit", false, "https://slo-unit.sp.test/slo");
        ServiceProvider registered = SpDirectory.parse(
                        new RelayProvider(sp.key, "SAML", "LOCAL_NUMBER", sp.entityId, sp.acsUrl, sp.metadata()))
                .orElseThrow();
        LogoutRequest request = logoutRequest(sp, "X-1");
        request.setID(XmlSigner.newId());

        assertThat(SingleLogout.accepted(
                        soap(response(request.getID(), sp.entityId), sp.credential), request, registered))
                .isTrue();
        assertThat(SingleLogout.accepted(
                        soap(response(request.getID(), sp.entityId), TestSp.newCredential()), request, registered))
                .as("signed by another key")
                .isFalse();
        assertThat(SingleLogout.accepted(
                        soap(response(request.getID(), "https://other.sp.test/shibboleth"), sp.credential),
                        request,
                        registered))
                .as("another issuer")
                .isFalse();
        assertThat(SingleLogout.accepted(soap(response("_another", sp.entityId), sp.credential), request, registered))
                .as("InResponseTo another request")
                .isFalse();
        assertThat(SingleLogout.accepted(
                        SingleLogout.envelope(OpenSaml.toXml(OpenSaml.marshal(response(request.getID(), sp.entityId))))
                                .getBytes(StandardCharsets.UTF_8),
                        request,
                        registered))
                .as("unsigned")
                .isFalse();
    }

    @Test
    void forceAuthnAsksForAFreshCardLoginEvenWithAnIdpSession() throws Exception {
        TestSp hospital = registeredSp();
        Resident resident = resident(hospital, "H-0003", true);
        Browser browser = resident.browser();
        postedResponse(continueWithCard(
                browser, browser.get(TestSp.redirectUrl(SSO, hospital.request(SSO), null, hospital.credential))));
        AuthnRequest forced = hospital.request(SSO);
        forced.setForceAuthn(true);

        Browser.Page parked = browser.get(TestSp.redirectUrl(SSO, forced, null, hospital.credential));
        Browser.Page resume = browser.get(parked.location());

        assertThat(resume.status()).as("no assertion without a new card login").isEqualTo(302);
        assertThat(resume.location()).isEqualTo(CARD_LOGIN + "/login/card/resident");
        PostedResponse posted = postedResponse(followCardLogin(browser, resume));
        assertThat(posted.response().getInResponseTo()).isEqualTo(forced.getID());
        Instant authnInstant = posted.response()
                .getAssertions()
                .get(0)
                .getAuthnStatements()
                .get(0)
                .getAuthnInstant();
        assertThat(authnInstant).isAfterOrEqualTo(forced.getIssueInstant().minusSeconds(1));
    }

    /** The SP's back-channel SLO endpoint: records each LogoutRequest and answers as {@link #answeringSp}. */
    private String startBackChannel() throws Exception {
        backChannel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backChannel.createContext("/slo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Envelope envelope = (Envelope) OpenSaml.parse(body);
            LogoutRequest request =
                    (LogoutRequest) envelope.getBody().getUnknownXMLObjects().get(0);
            received.add(request);
            TestSp sp = answeringSp;
            byte[] answer = sp == null ? new byte[0] : soap(response(request.getID(), sp.entityId), sp.credential);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        backChannel.start();
        return "http://127.0.0.1:" + backChannel.getAddress().getPort() + "/slo";
    }

    private static LogoutRequest logoutRequest(TestSp sp, String nameIdValue) {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(XmlSigner.newId());
        request.setIssueInstant(Instant.now());
        request.setDestination(SLO);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(sp.entityId);
        request.setIssuer(issuer);
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(nameIdValue);
        request.setNameID(nameId);
        return request;
    }

    private static LogoutResponse response(String inResponseTo, String issuerValue) {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(XmlSigner.newId());
        response.setIssueInstant(Instant.now());
        response.setInResponseTo(inResponseTo);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(issuerValue);
        response.setIssuer(issuer);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static byte[] soap(LogoutResponse response, BasicX509Credential signer) {
        String xml = new XmlSigner(signer).signAndSerialize(response, new SignableSAMLObject[] {response});
        return SingleLogout.envelope(xml).getBytes(StandardCharsets.UTF_8);
    }

    /** The Redirect binding, signed with {@code signer} (null: unsigned), as {@link TestSp} does for AuthnRequests. */
    private static String redirectUrl(LogoutRequest request, BasicX509Credential signer) {
        String query = "SAMLRequest="
                + TestSp.encode(java.util.Base64.getEncoder()
                        .encodeToString(TestSp.deflate(
                                OpenSaml.toXml(OpenSaml.marshal(request)).getBytes(StandardCharsets.UTF_8))));
        if (signer != null) {
            query += "&SigAlg=" + TestSp.encode("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
            try {
                java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
                signature.initSign(signer.getPrivateKey());
                signature.update(query.getBytes(StandardCharsets.UTF_8));
                query += "&Signature="
                        + TestSp.encode(java.util.Base64.getEncoder().encodeToString(signature.sign()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return SLO + "?" + query;
    }
}
