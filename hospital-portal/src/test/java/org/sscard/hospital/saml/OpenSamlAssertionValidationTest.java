package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.core.Saml2X509Credential;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.sscard.hospital.support.ResponseBuilder;
import org.sscard.hospital.support.TestIdp;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * OpenSAML 4.0.1's validator on its own (the second line behind our rules): it must still refuse what it is there
 * to refuse, since a version mismatch could silently make it accept anything.
 */
class OpenSamlAssertionValidationTest {

    private static final TestIdp IDP = new TestIdp();
    private static final RelyingPartyRegistration REGISTRATION = RelyingPartyRegistration.withRegistrationId("sscard")
            .entityId(ResponseBuilder.SP_ENTITY_ID)
            .assertionConsumerServiceLocation(ResponseBuilder.ACS)
            .assertingPartyMetadata(party -> party.entityId(TestIdp.ENTITY_ID)
                    .singleSignOnServiceLocation(TestIdp.SSO_URL)
                    .verificationX509Credentials(c -> c.add(Saml2X509Credential.verification(IDP.certificate()))))
            .build();

    @Test
    void acceptsAValidAssertion() throws Exception {
        assertThat(validate(IDP.response("P0012345").inResponseTo("_r1"), "_r1").hasErrors())
                .isFalse();
    }

    @Test
    void rejectsExpired() throws Exception {
        assertRejected(
                IDP.response("P0012345").issuedAt(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(5)),
                null);
    }

    @Test
    void rejectsWrongAudience() throws Exception {
        assertRejected(IDP.response("P0012345").audience("https://other.test/sp"), null);
    }

    @Test
    void rejectsWrongRecipient() throws Exception {
        assertRejected(IDP.response("P0012345").recipient("https://other.test/acs"), null);
    }

    @Test
    void rejectsInResponseToMismatch() throws Exception {
        assertRejected(IDP.response("P0012345").inResponseTo("_r1"), "_r2");
    }

    @Test
    void rejectsSignatureByAnotherKey() throws Exception {
        assertRejected(IDP.response("P0012345").signedBy(TestIdp.credential("CN=other")), null);
    }

    private static void assertRejected(ResponseBuilder response, String inResponseTo) throws Exception {
        Saml2ResponseValidatorResult result = validate(response, inResponseTo);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors().iterator().next().getErrorCode()).isEqualTo("INVALID_ASSERTION");
    }

    private static Saml2ResponseValidatorResult validate(ResponseBuilder builder, String inResponseTo)
            throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element element = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(builder.xml())))
                .getDocumentElement();
        Response response = (Response) XMLObjectProviderRegistrySupport.getUnmarshallerFactory()
                .getUnmarshaller(element)
                .unmarshall(element);
        Assertion assertion = response.getAssertions().get(0);
        return OpenSamlAssertionValidation.validate(assertion, REGISTRATION, inResponseTo, Duration.ofMinutes(2));
    }
}
