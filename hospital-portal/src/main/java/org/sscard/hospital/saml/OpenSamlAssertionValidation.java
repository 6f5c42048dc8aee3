package org.sscard.hospital.saml;

import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.CLOCK_SKEW;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.COND_VALID_AUDIENCES;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.SC_CHECK_ADDRESS;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.SC_VALID_IN_RESPONSE_TO;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.SC_VALID_RECIPIENTS;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.SIGNATURE_REQUIRED;
import static org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters.VALID_ISSUERS;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensaml.saml.common.assertion.AssertionValidationException;
import org.opensaml.saml.common.assertion.ValidationContext;
import org.opensaml.saml.common.assertion.ValidationResult;
import org.opensaml.saml.saml2.assertion.SAML20AssertionValidator;
import org.opensaml.saml.saml2.assertion.impl.AudienceRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.BearerSubjectConfirmationValidator;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.impl.StaticCredentialResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.config.impl.DefaultSecurityConfigurationBootstrap;
import org.opensaml.xmlsec.signature.support.impl.ExplicitKeySignatureTrustEngine;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

/**
 * OpenSAML 4.0.1's own assertion validation, built with its 5-argument {@code SAML20AssertionValidator}: the
 * conditions (validity window, audience), the bearer subject confirmation (recipient, expiry, InResponseTo) and the
 * issuer, and the assertion's signature once more, with OpenSAML's own trust engine over the IdP's certificates
 * (Spring's provider has verified it before, with its code; two independent checks must both pass).
 */
final class OpenSamlAssertionValidation {

    private OpenSamlAssertionValidation() {}

    /** The 4.0.1 constructor: condition, subject-confirmation and statement validators, trust engine, prevalidator. */
    private static SAML20AssertionValidator validator(RelyingPartyRegistration registration) {
        List<Credential> trusted = registration.getAssertingPartyMetadata().getVerificationX509Credentials().stream()
                .map(c -> (Credential) new BasicX509Credential(c.getCertificate()))
                .toList();
        ExplicitKeySignatureTrustEngine trustEngine = new ExplicitKeySignatureTrustEngine(
                new StaticCredentialResolver(trusted),
                DefaultSecurityConfigurationBootstrap.buildBasicInlineKeyInfoCredentialResolver());
        return new SAML20AssertionValidator(
                List.of(new AudienceRestrictionConditionValidator()),
                List.of(new BearerSubjectConfirmationValidator()),
                List.of(),
                trustEngine,
                new SAMLSignatureProfileValidator());
    }

    static Saml2ResponseValidatorResult validate(
            Assertion assertion, RelyingPartyRegistration registration, String inResponseTo, Duration clockSkew) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(CLOCK_SKEW, clockSkew);
        parameters.put(COND_VALID_AUDIENCES, Set.of(registration.getEntityId()));
        parameters.put(SC_VALID_RECIPIENTS, Set.of(registration.getAssertionConsumerServiceLocation()));
        parameters.put(
                VALID_ISSUERS, Set.of(registration.getAssertingPartyMetadata().getEntityId()));
        parameters.put(SIGNATURE_REQUIRED, true);
        // the browser's address is not checked: proxies and NAT make it meaningless
        parameters.put(SC_CHECK_ADDRESS, false);
        if (inResponseTo != null) {
            parameters.put(SC_VALID_IN_RESPONSE_TO, inResponseTo);
        }
        ValidationContext context = new ValidationContext(parameters);
        try {
            ValidationResult result = validator(registration).validate(assertion, context);
            if (result == ValidationResult.VALID) {
                return Saml2ResponseValidatorResult.success();
            }
            return Saml2ResponseValidatorResult.failure(new Saml2Error(
                    SamlRefusal.INVALID_ASSERTION.name(), "OpenSAML: " + context.getValidationFailureMessage()));
        } catch (AssertionValidationException e) {
            return Saml2ResponseValidatorResult.failure(
                    new Saml2Error(SamlRefusal.INVALID_ASSERTION.name(), "OpenSAML: " + e.getMessage()));
        }
    }
}
