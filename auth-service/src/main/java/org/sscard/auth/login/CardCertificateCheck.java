package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * The seam to the certificate path validator: given the chain the client presented in the TLS handshake (the card's
 * certificate first), ACCEPT or REJECT with a reason. Implemented by {@link ValidatedCardCertificateCheck} on the
 * RFC 5280 validator; a seam so that the login flow can be tested and evolved apart from path validation.
 */
public interface CardCertificateCheck {

    Verdict check(List<X509Certificate> chain);

    /**
     * ACCEPT with the policies the validated path vouches for at the card (the PKIX valid-policy tree), or REJECT
     * with a short upper-case reason: a {@code RejectReason} name such as {@code REVOKED}.
     */
    record Verdict(boolean accepted, String reason, Set<String> policies) {

        public Verdict {
            policies = Set.copyOf(policies);
        }

        public static Verdict accept(Set<String> policies) {
            return new Verdict(true, "ACCEPTED", policies);
        }

        public static Verdict reject(String reason) {
            return new Verdict(false, reason, Set.of());
        }
    }
}
