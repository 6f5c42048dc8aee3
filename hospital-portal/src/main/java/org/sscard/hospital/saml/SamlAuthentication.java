package org.sscard.hospital.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;
import org.springframework.security.saml2.provider.service.authentication.Saml2Authentication;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationToken;
import org.sscard.hospital.config.HospitalAuthority;

/**
 * The SP's authentication of a SAML Response, in order: the raw XML's shape ({@link ResponseShape}: no wrapping,
 * assertion signed); then Spring's {@code OpenSaml4AuthenticationProvider} — signatures against the IdP's metadata,
 * status, Destination, Issuer and InResponseTo by its response validator, and our {@link AssertionRules} for the
 * assertion; last, once everything else has passed (so a forged Response cannot burn a genuine ID), the replay
 * cache.
 */
final class SamlAuthentication implements AuthenticationProvider {

    private final OpenSaml4AuthenticationProvider openSaml = new OpenSaml4AuthenticationProvider();

    SamlAuthentication(ReplayCache replays, Duration clockSkew, Clock clock) {
        openSaml.setAssertionValidator(new AssertionRules(clockSkew, clock));
        var responseChecks = OpenSaml4AuthenticationProvider.createDefaultResponseValidator();
        openSaml.setResponseValidator(responseChecks);
        var principal = OpenSaml4AuthenticationProvider.createDefaultResponseAuthenticationConverter();
        openSaml.setResponseAuthenticationConverter(token -> {
            requireFirstUse(token, replays, clockSkew);
            Saml2Authentication authenticated = principal.convert(token);
            return new Saml2Authentication(
                    (AuthenticatedPrincipal) authenticated.getPrincipal(),
                    authenticated.getSaml2Response(),
                    List.of(HospitalAuthority.PATIENT));
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Saml2AuthenticationToken token = (Saml2AuthenticationToken) authentication;
        ResponseShape.check(token.getSaml2Response());
        return openSaml.authenticate(token);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Saml2AuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static void requireFirstUse(ResponseToken token, ReplayCache replays, Duration clockSkew) {
        Response response = token.getResponse();
        Assertion assertion = response.getAssertions().get(0);
        Instant keepUntil = Stream.concat(
                        Stream.of(assertion.getConditions().getNotOnOrAfter()),
                        assertion.getSubject().getSubjectConfirmations().stream()
                                .map(SubjectConfirmation::getSubjectConfirmationData)
                                .filter(java.util.Objects::nonNull)
                                .map(data -> data.getNotOnOrAfter()))
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElseThrow()
                .plus(clockSkew);
        if (!replays.firstUse(assertion.getIssuer().getValue(), assertion.getID(), keepUntil)) {
            throw new SamlRefusedException(
                    SamlRefusal.REPLAYED, "assertion " + assertion.getID() + " has been used before");
        }
    }
}
