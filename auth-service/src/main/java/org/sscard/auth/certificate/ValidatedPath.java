package org.sscard.auth.certificate;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certification path that PKIX accepted: the certificates from the end entity up (the anchor not included), the
 * anchor it ends at, and the validation time. Revocation checkers get it as their context.
 */
public record ValidatedPath(List<X509Certificate> certificates, TrustAnchor anchor, Instant at) {

    public ValidatedPath {
        certificates = List.copyOf(certificates);
    }

    public X509Certificate endEntity() {
        return certificates.get(0);
    }

    /** The certificate that issued the one at {@code index}: the next one up, or the anchor's. */
    public X509Certificate issuerOf(int index) {
        return index + 1 < certificates.size() ? certificates.get(index + 1) : anchor.getTrustedCert();
    }
}
