package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The seam to the certificate path validator: given the chain the client presented in the TLS handshake (the card's
 * certificate first), ACCEPT or REJECT with a reason. The full RFC 5280 validator with OCSP and CRL revocation
 * ({@code org.sscard.auth.certificate}, on its own branch) replaces {@link PlatformRootCertificateCheck} here.
 */
public interface CardCertificateCheck {

    Verdict check(List<X509Certificate> chain);

    /** ACCEPT, or REJECT with a short upper-case reason such as {@code EXPIRED} or {@code UNTRUSTED_ISSUER}. */
    record Verdict(boolean accepted, String reason) {

        public static Verdict accept() {
            return new Verdict(true, "ACCEPTED");
        }

        public static Verdict reject(String reason) {
            return new Verdict(false, reason);
        }
    }
}
