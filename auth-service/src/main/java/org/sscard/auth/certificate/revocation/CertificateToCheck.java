package org.sscard.auth.certificate.revocation;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One certificate of a validated path with its issuer, and the context a checker may need: the whole path (end
 * entity first), every other certificate that was offered (a CRL may be signed by a certificate outside the path: a
 * separate CRL-signing key, an indirect CRL issuer) and the relying party's trust anchors.
 */
public record CertificateToCheck(
        X509Certificate certificate,
        X509Certificate issuer,
        List<X509Certificate> pathCertificates,
        List<X509Certificate> offeredCertificates,
        Set<TrustAnchor> anchors,
        Instant at) {

    public CertificateToCheck {
        pathCertificates = List.copyOf(pathCertificates);
        offeredCertificates = List.copyOf(offeredCertificates);
        anchors = Set.copyOf(anchors);
    }

    public String subjectName() {
        return certificate.getSubjectX500Principal().getName() + " #"
                + certificate.getSerialNumber().toString(16);
    }
}
