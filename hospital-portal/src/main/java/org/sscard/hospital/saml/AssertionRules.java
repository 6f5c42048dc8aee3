package org.sscard.hospital.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.AssertionToken;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

/**
 * The assertion validator given to Spring's {@code OpenSaml4AuthenticationProvider} (whose default one needs
 * OpenSAML 4.3): first this SP's own rules, each with its reason code — issued by the trusted IdP, conditions with
 * an expiry and an audience restriction naming only this SP, a bearer confirmation whose Recipient is this SP's ACS,
 * unexpired, and answering this browser's AuthnRequest (a Response this browser did not ask for, IdP-initiated or
 * another browser's, is refused: login CSRF) — then OpenSAML 4.0.1's own
 * {@link OpenSamlAssertionValidation} as a second line.
 */
final class AssertionRules implements Converter<AssertionToken, Saml2ResponseValidatorResult> {

    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private final Duration clockSkew;
    private final Clock clock;

    AssertionRules(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Saml2ResponseValidatorResult convert(AssertionToken token) {
        Assertion assertion = token.getAssertion();
        RelyingPartyRegistration registration = token.getToken().getRelyingPartyRegistration();
        AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
        String inResponseTo = request == null ? null : request.getId();
        Saml2Error error = ownRules(assertion, registration, inResponseTo);
        if (error != null) {
            return Saml2ResponseValidatorResult.failure(error);
        }
        return OpenSamlAssertionValidation.validate(assertion, registration, inResponseTo, clockSkew);
    }

    private Saml2Error ownRules(Assertion assertion, RelyingPartyRegistration registration, String inResponseTo) {
        Instant now = clock.instant();
        String idp = registration.getAssertingPartyMetadata().getEntityId();
        if (assertion.getIssuer() == null || !idp.equals(assertion.getIssuer().getValue())) {
            return error(SamlRefusal.WRONG_ISSUER, "the assertion's issuer is not " + idp);
        }
        Conditions conditions = assertion.getConditions();
        if (conditions == null || conditions.getNotOnOrAfter() == null) {
            return error(SamlRefusal.INVALID_ASSERTION, "the assertion has no Conditions with NotOnOrAfter");
        }
        if (!now.isBefore(conditions.getNotOnOrAfter().plus(clockSkew))
                || (conditions.getNotBefore() != null
                        && now.isBefore(conditions.getNotBefore().minus(clockSkew)))) {
            return error(SamlRefusal.EXPIRED, "the assertion's Conditions do not cover now");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        boolean addressedHere = !restrictions.isEmpty()
                && restrictions.stream()
                        .allMatch(r -> r.getAudiences().stream()
                                .map(Audience::getURI)
                                .anyMatch(registration.getEntityId()::equals));
        if (!addressedHere) {
            return error(SamlRefusal.WRONG_AUDIENCE, "the audience restriction does not name this SP");
        }
        if (assertion.getSubject() == null) {
            return error(SamlRefusal.NO_SUBJECT, "the assertion has no Subject");
        }
        List<SubjectConfirmation> bearers = assertion.getSubject().getSubjectConfirmations().stream()
                .filter(c -> BEARER.equals(c.getMethod()))
                .toList();
        if (bearers.size() != 1 || bearers.get(0).getSubjectConfirmationData() == null) {
            return error(SamlRefusal.INVALID_ASSERTION, "exactly one bearer SubjectConfirmation with data expected");
        }
        SubjectConfirmationData data = bearers.get(0).getSubjectConfirmationData();
        if (!registration.getAssertionConsumerServiceLocation().equals(data.getRecipient())) {
            return error(SamlRefusal.WRONG_RECIPIENT, "the bearer confirmation's Recipient is not this SP's ACS");
        }
        if (data.getNotOnOrAfter() == null
                || !now.isBefore(data.getNotOnOrAfter().plus(clockSkew))) {
            return error(SamlRefusal.EXPIRED, "the bearer confirmation has expired");
        }
        if (inResponseTo == null) {
            return error(SamlRefusal.UNSOLICITED, "this browser's session sent no AuthnRequest");
        }
        if (!inResponseTo.equals(data.getInResponseTo())) {
            return error(SamlRefusal.IN_RESPONSE_TO_MISMATCH, "the assertion does not answer this browser's request");
        }
        return null;
    }

    private static Saml2Error error(SamlRefusal refusal, String detail) {
        return new Saml2Error(refusal.name(), detail);
    }
}
