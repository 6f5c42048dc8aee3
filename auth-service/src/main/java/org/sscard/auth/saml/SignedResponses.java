package org.sscard.auth.saml;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * Builds the Response and its one Assertion and signs both ({@link XmlSigner}): Issuer; Subject with the NameID the
 * SP knows the person by (its own ID for them, nothing else) and a bearer confirmation for the ACS (Recipient,
 * NotOnOrAfter, InResponseTo); Conditions valid for {@code assertion-lifetime} with the SP's entity ID as the only
 * audience; an AuthnStatement for the card login (X.509 class, the login time, the session index).
 */
class SignedResponses {

    static final String X509_CLASS = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";

    private final SamlProperties properties;
    private final XmlSigner signer;
    private final Clock clock;

    SignedResponses(SamlProperties properties, XmlSigner signer, Clock clock) {
        this.properties = properties;
        this.signer = signer;
        this.clock = clock;
    }

    /** The signed Response as XML. */
    String issue(CheckedRequest to, String nameIdValue, Instant authnInstant, String sessionIndex) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(properties.assertionLifetime());
        Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(XmlSigner.newId());
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer());
        assertion.setSubject(subject(to, nameIdValue, until));
        assertion.setConditions(conditions(to, now, until));
        assertion.getAuthnStatements().add(authnStatement(authnInstant, sessionIndex));

        Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(XmlSigner.newId());
        response.setIssueInstant(now);
        response.setDestination(to.acsUrl());
        response.setInResponseTo(to.inResponseTo());
        response.setIssuer(issuer());
        response.setStatus(success());
        response.getAssertions().add(assertion);
        return signer.signAndSerialize(response, new SignableSAMLObject[] {assertion, response});
    }

    private Issuer issuer() {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(properties.entityId());
        return issuer;
    }

    private Subject subject(CheckedRequest to, String nameIdValue, Instant until) {
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(to.sp().nameIdFormat());
        nameId.setNameQualifier(properties.entityId());
        nameId.setSPNameQualifier(to.sp().entityId());
        nameId.setValue(nameIdValue);
        SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(to.acsUrl());
        data.setNotOnOrAfter(until);
        data.setInResponseTo(to.inResponseTo());
        SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private Conditions conditions(CheckedRequest to, Instant now, Instant until) {
        Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(to.sp().entityId());
        AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now.minus(properties.clockSkew()));
        conditions.setNotOnOrAfter(until);
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private static AuthnStatement authnStatement(Instant authnInstant, String sessionIndex) {
        AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(X509_CLASS);
        AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);
        AuthnStatement statement = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(authnInstant.truncatedTo(ChronoUnit.MILLIS));
        statement.setSessionIndex(sessionIndex);
        statement.setAuthnContext(context);
        return statement;
    }

    private static Status success() {
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        return status;
    }
}
