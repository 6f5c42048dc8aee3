package org.sscard.hospital.support;

import java.time.Duration;
import java.time.Instant;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Element;

/** One Response from the test IdP, correct by default; each setter breaks one thing for a refusal test. */
public final class ResponseBuilder {

    public static final String SP_ENTITY_ID = "https://hospital.test/saml2/service-provider-metadata/sscard";
    public static final String ACS = "https://hospital.test/login/saml2/sso/sscard";

    private final TestIdp idp;
    private final String nameId;
    private String inResponseTo;
    private String audience = SP_ENTITY_ID;
    private String recipient = ACS;
    private String destination = ACS;
    private String issuer = TestIdp.ENTITY_ID;
    private String assertionId = TestIdp.newId();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(5);
    private boolean signAssertion = true;
    private boolean signResponse = true;
    private BasicX509Credential signer;
    private String sessionIndex = TestIdp.newId();

    ResponseBuilder(TestIdp idp, String nameId) {
        this.idp = idp;
        this.nameId = nameId;
        this.signer = idp.signingCredential();
    }

    public ResponseBuilder inResponseTo(String id) {
        this.inResponseTo = id;
        return this;
    }

    /** The AuthnStatement's SessionIndex (single logout names it). */
    public ResponseBuilder sessionIndex(String value) {
        this.sessionIndex = value;
        return this;
    }

    public ResponseBuilder audience(String value) {
        this.audience = value;
        return this;
    }

    public ResponseBuilder recipient(String value) {
        this.recipient = value;
        return this;
    }

    public ResponseBuilder destination(String value) {
        this.destination = value;
        return this;
    }

    public ResponseBuilder issuer(String value) {
        this.issuer = value;
        return this;
    }

    public ResponseBuilder assertionId(String value) {
        this.assertionId = value;
        return this;
    }

    /** Issued at {@code instant}, valid for {@code lifetime} from then. */
    public ResponseBuilder issuedAt(Instant instant, Duration validFor) {
        this.issuedAt = instant;
        this.lifetime = validFor;
        return this;
    }

    public ResponseBuilder unsigned() {
        this.signAssertion = false;
        this.signResponse = false;
        return this;
    }

    public ResponseBuilder assertionOnlySigned() {
        this.signResponse = false;
        return this;
    }

    public ResponseBuilder signedBy(BasicX509Credential credential) {
        this.signer = credential;
        return this;
    }

    public String assertionId() {
        return assertionId;
    }

    /** The assertion alone, signed as configured, for wrapping tests. */
    public Element assertionElement() {
        Assertion assertion = assertion();
        return signAssertion ? TestIdp.sign(assertion, signer) : TestIdp.marshal(assertion);
    }

    /** The Response's DOM (signed as configured). */
    public Element element() {
        Response response = TestIdp.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(TestIdp.newId());
        response.setIssueInstant(issuedAt);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer());
        Status status = TestIdp.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = TestIdp.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        Assertion assertion = assertion();
        if (signAssertion) {
            TestIdp.sign(assertion, signer);
        }
        response.getAssertions().add(assertion);
        return signResponse ? TestIdp.sign(response, signer) : TestIdp.marshal(response);
    }

    public String xml() {
        return TestIdp.serialize(element());
    }

    public String base64() {
        return TestIdp.base64(xml());
    }

    private Assertion assertion() {
        Assertion assertion = TestIdp.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(assertionId);
        assertion.setIssueInstant(issuedAt);
        assertion.setIssuer(issuer());
        Subject subject = TestIdp.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID name = TestIdp.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(NameID.PERSISTENT);
        subject.setNameID(name);
        SubjectConfirmation confirmation = TestIdp.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = TestIdp.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(recipient);
        data.setNotOnOrAfter(issuedAt.plus(lifetime));
        data.setInResponseTo(inResponseTo);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);
        Conditions conditions = TestIdp.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(issuedAt.minusSeconds(1));
        conditions.setNotOnOrAfter(issuedAt.plus(lifetime));
        AudienceRestriction restriction = TestIdp.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audienceElement = TestIdp.build(Audience.DEFAULT_ELEMENT_NAME);
        audienceElement.setURI(audience);
        restriction.getAudiences().add(audienceElement);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);
        AuthnStatement authn = TestIdp.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(issuedAt);
        authn.setSessionIndex(sessionIndex);
        AuthnContext context = TestIdp.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef classRef = TestIdp.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(AuthnContext.X509_AUTHN_CTX);
        context.setAuthnContextClassRef(classRef);
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);
        return assertion;
    }

    private Issuer issuer() {
        Issuer element = TestIdp.build(Issuer.DEFAULT_ELEMENT_NAME);
        element.setValue(issuer);
        return element;
    }
}
