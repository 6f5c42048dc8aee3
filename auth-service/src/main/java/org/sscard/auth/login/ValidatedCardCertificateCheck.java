package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.ValidationResult;

/**
 * The card's chain through the RFC 5280 validator (platform root as the only anchor, strict algorithms, OCSP then
 * CRL, fail closed unless configured otherwise), at the time of the injected clock.
 */
final class ValidatedCardCertificateCheck implements CardCertificateCheck {

    private final CertificatePathValidator validator;
    private final Clock clock;

    ValidatedCardCertificateCheck(CertificatePathValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Verdict check(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return Verdict.reject("NO_CERTIFICATE");
        }
        ValidationResult result = validator.validate(chain.get(0), chain.subList(1, chain.size()), clock.instant());
        // only the reason's name: the validator's detail names the certificate subject, which on a resident card
        // is the personal ID, and the verdict ends up in the login audit
        return result.accepted()
                ? Verdict.accept(result.path().validPolicies())
                : Verdict.reject(result.reason().name());
    }
}
