package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;

/** SSO that works: the provider learns the person only as its own ID, in a fresh assertion addressed to it. */
class SamlSsoTest extends SamlIdpTest {

    @Test
    void publishesMetadataWithItsSigningCertificateAndBothBindings() throws Exception {
        Browser.Page page = new Browser(Card.noCard(PKI.root().certificate())).get(MAIN + "/saml/idp/metadata");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("application/samlmetadata+xml");
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(page.body());
        assertThat(entity.getEntityID()).isEqualTo(SAML_IDP_ENTITY_ID);
        IDPSSODescriptor idp = entity.getIDPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(idp.getWantAuthnRequestsSigned()).isTrue();
        assertThat(idp.getSingleSignOnServices())
                .extracting(s -> s.getBinding() + " " + s.getLocation())
                .containsExactlyInAnyOrder(
                        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect " + SSO,
                        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST " + SSO);
        assertThat(idpCertificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void redirectBindingRequestGetsASignedResponseNamingThePersonByTheProvidersOwnId() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "P-0012345", true);
        Browser browser = resident.browser();
        AuthnRequest request = sp.request(SSO);
        Instant before = Instant.now();

        Browser.Page page = continueWithCard(
                browser, browser.get(TestSp.redirectUrl(SSO, request, "ss:mem:relay/1 2", sp.credential)));

        PostedResponse posted = postedResponse(page);
        assertThat(posted.action()).isEqualTo(sp.acsUrl);
        assertThat(posted.relayState()).isEqualTo("ss:mem:relay/1 2");
        assertThat(page.header("Content-Security-Policy")).contains("form-action https://" + sp.key + ".sp.test");
        assertValidResponse(posted, sp, request.getID(), "P-0012345", before);
        assertThat(posted.xml())
                .doesNotContain(resident.personalId())
                .doesNotContain(resident.person().toString());
        var logged = CITY_OFFICE.accessLog(resident.person()).get(0);
        assertThat(logged.path("action").asText()).isEqualTo("ASSERTION_ISSUED");
        assertThat(logged.path("providerKey").asText()).isEqualTo(sp.key);
        assertThat(logged.path("caller").asText()).isEqualTo("auth-service");
        assertThat(logged.path("actingFor").asText()).isEqualTo("person:" + resident.person());
        assertThat(logged.path("purpose").asText()).isEqualTo("SAML single sign-on");
    }

    @Test
    void postBindingRequestInAnExistingSessionNeedsNoSecondCardLogin() throws Exception {
        TestSp sp = registeredSp();
        Resident resident = resident(sp, "77001", true);
        Browser browser = resident.browser();
        postedResponse(
                continueWithCard(browser, browser.get(TestSp.redirectUrl(SSO, sp.request(SSO), null, sp.credential))));
        AuthnRequest second = sp.request(SSO, Instant.now(), sp.otherAcsUrl);
        Instant before = Instant.now();

        Browser.Page answer = browser.postForm(
                SSO, Map.of("SAMLRequest", TestSp.postValue(second, sp.credential), "RelayState", "next"));
        Browser.Page resume = browser.get(answer.location());

        PostedResponse posted = postedResponse(resume);
        assertThat(posted.action()).isEqualTo(sp.otherAcsUrl);
        assertThat(posted.relayState()).isEqualTo("next");
        assertValidResponse(posted, sp, second.getID(), "77001", before);
    }

    @Test
    void anAssertionIsOneReleaseCallToTheRelayAndOneAccessLogRow() throws Exception {
        TestSp sp = registeredSp(true);
        Resident resident = resident(sp, "ONE-CALL-1", true);
        Browser browser = resident.browser();
        postedResponse(followCardLogin(browser, browser.get(MAIN + "/saml/idp/init/" + sp.key)));
        JsonNode before = CITY_OFFICE.accessLog(resident.person());
        int calls = relayCalls();

        PostedResponse posted = postedResponse(browser.get(MAIN + "/saml/idp/init/" + sp.key));

        assertThat(posted.response()
                        .getAssertions()
                        .get(0)
                        .getSubject()
                        .getNameID()
                        .getValue())
                .isEqualTo("ONE-CALL-1");
        assertThat(relayCalls() - calls)
                .as("the SP from the relay's registry, then the release")
                .isEqualTo(2);
        JsonNode after = CITY_OFFICE.accessLog(resident.person());
        // newest first: the assertion's one row, then the reading of the log before it
        assertThat(after.size()).isEqualTo(before.size() + 2);
        assertThat(after.get(0).path("action").asText()).isEqualTo("ASSERTION_ISSUED");
        assertThat(after.get(1).path("action").asText()).isEqualTo("ACCESS_LOG_READ");
    }

    @Test
    void idpInitiatedSsoPostsToTheDefaultAcsWithoutInResponseTo() throws Exception {
        TestSp sp = registeredSp(true);
        Resident resident = resident(sp, "IDP-INIT-1", true);
        Browser browser = resident.browser();
        Instant before = Instant.now();

        Browser.Page start = browser.get(MAIN + "/saml/idp/init/" + sp.key);
        assertThat(start.location()).isEqualTo(CARD_LOGIN + "/login/card/resident");
        PostedResponse posted = postedResponse(followCardLogin(browser, start));

        assertThat(posted.action()).isEqualTo(sp.acsUrl);
        assertValidResponse(posted, sp, null, "IDP-INIT-1", before);
    }

    private static void assertValidResponse(
            PostedResponse posted, TestSp sp, String inResponseTo, String nameId, Instant before) throws Exception {
        BasicX509Credential idp = new BasicX509Credential(idpCertificate());
        var response = posted.response();
        assertThat(response.getSignature()).as("Response signed").isNotNull();
        new SAMLSignatureProfileValidator().validate(response.getSignature());
        SignatureValidator.validate(response.getSignature(), idp);
        assertThat(response.getSignature().getSignatureAlgorithm())
                .isEqualTo(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getDestination()).isEqualTo(posted.action());
        assertThat(response.getInResponseTo()).isEqualTo(inResponseTo);
        assertThat(response.getIssuer().getValue()).isEqualTo(SAML_IDP_ENTITY_ID);

        assertThat(response.getAssertions()).hasSize(1);
        Assertion assertion = response.getAssertions().get(0);
        assertThat(assertion.getSignature()).as("Assertion signed").isNotNull();
        new SAMLSignatureProfileValidator().validate(assertion.getSignature());
        SignatureValidator.validate(assertion.getSignature(), idp);
        assertThat(assertion.getIssuer().getValue()).isEqualTo(SAML_IDP_ENTITY_ID);
        assertThat(assertion.getSubject().getNameID().getValue()).isEqualTo(nameId);
        assertThat(assertion.getSubject().getNameID().getFormat()).isEqualTo(NameIDType.PERSISTENT);
        assertThat(assertion.getSubject().getNameID().getSPNameQualifier()).isEqualTo(sp.entityId);
        SubjectConfirmationData confirmation =
                assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
        assertThat(assertion.getSubject().getSubjectConfirmations().get(0).getMethod())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:bearer");
        assertThat(confirmation.getRecipient()).isEqualTo(posted.action());
        assertThat(confirmation.getInResponseTo()).isEqualTo(inResponseTo);
        assertThat(confirmation.getNotOnOrAfter())
                .isAfter(Instant.now())
                .isBefore(before.plus(Duration.ofMinutes(5)).plusSeconds(30));
        assertThat(assertion.getConditions().getNotOnOrAfter()).isEqualTo(confirmation.getNotOnOrAfter());
        assertThat(assertion.getConditions().getAudienceRestrictions()).hasSize(1);
        assertThat(assertion.getConditions().getAudienceRestrictions().get(0).getAudiences())
                .extracting(a -> a.getURI())
                .containsExactly(sp.entityId);
        AuthnStatement statement = assertion.getAuthnStatements().get(0);
        assertThat(statement.getSessionIndex()).isNotBlank();
        assertThat(statement.getAuthnContext().getAuthnContextClassRef().getURI())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:X509");
        assertThat(statement.getAuthnInstant()).isBeforeOrEqualTo(Instant.now());
    }
}
