package org.sscard.auth.login;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * For now: the JDK's PKIX path validation of the presented chain against the platform CA root (signatures, validity,
 * name chaining, basicConstraints, keyUsage, critical extensions). <b>No revocation check yet</b> (neither OCSP nor
 * CRL): a revoked or held card is refused only because the relay's card register says so. The full RFC 5280
 * validator with fail-closed revocation replaces this class when it is merged.
 */
public class PlatformRootCertificateCheck implements CardCertificateCheck {

    private final PKIXParameters parameters;
    private final Clock clock;

    public PlatformRootCertificateCheck(KeyStore trustAnchors, Clock clock) {
        try {
            this.parameters = new PKIXParameters(trustAnchors);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform trust store holds no usable root", e);
        }
        this.parameters.setRevocationEnabled(false);
        this.clock = clock;
    }

    @Override
    public Verdict check(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return Verdict.reject("NO_CERTIFICATE");
        }
        try {
            // the root, if the client sent it, is the trust anchor and not part of the path
            List<X509Certificate> path = chain.stream()
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                    .toList();
            if (path.isEmpty() || path.get(0) != chain.get(0)) {
                return Verdict.reject("SELF_SIGNED");
            }
            PKIXParameters now = (PKIXParameters) parameters.clone();
            now.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), now);
            return Verdict.accept();
        } catch (CertPathValidatorException e) {
            return Verdict.reject(reason(e.getReason()));
        } catch (GeneralSecurityException e) {
            return Verdict.reject("PATH_INVALID");
        }
    }

    private static String reason(CertPathValidatorException.Reason reason) {
        if (reason == BasicReason.EXPIRED) {
            return "EXPIRED";
        } else if (reason == BasicReason.NOT_YET_VALID) {
            return "NOT_YET_VALID";
        } else if (reason == BasicReason.INVALID_SIGNATURE) {
            return "INVALID_SIGNATURE";
        } else if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return "UNTRUSTED_ISSUER";
        } else if (reason == PKIXReason.INVALID_KEY_USAGE) {
            return "INVALID_KEY_USAGE";
        }
        return "PATH_INVALID";
    }
}
