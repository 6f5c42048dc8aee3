package org.sscard.auth.certificate.revocation;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One certificate of a validated path with its issuer, and the context a checker may need: the whole path (end
 * entity first), every other certificate that was offered (a CRL may be signed by a certificate outside the path: a
 * separate CRL-signing key, an indirect CRL issuer) and the relying party's trust anchors. {@code freshCrls}: the
 * certificate's own CRLs must be fetched anew rather than taken from a cache (OCSP was asked and could not say).
 */
public record CertificateToCheck(
        X509Certificate certificate,
        X509Certificate issuer,
        List<X509Certificate> pathCertificates,
        List<X509Certificate> offeredCertificates,
        Set<TrustAnchor> anchors,
        Instant at,
        boolean freshCrls) {

    public CertificateToCheck {
        pathCertificates = List.copyOf(pathCertificates);
        offeredCertificates = List.copyOf(offeredCertificates);
        anchors = Set.copyOf(anchors);
    }

    public CertificateToCheck(
            X509Certificate certificate,
            X509Certificate issuer,
            List<X509Certificate> pathCertificates,
            List<X509Certificate> offeredCertificates,
            Set<TrustAnchor> anchors,
            Instant at) {
        this(certificate, issuer, pathCertificates, offeredCertificates, anchors, at, false);
    }

    /** The same question, with the certificate's own CRLs to be fetched anew. */
    public CertificateToCheck withFreshCrls() {
        return new CertificateToCheck(certificate, issuer, pathCertificates, offeredCertificates, anchors, at, true);
    }

    public String subjectName() {
        return certificate.getSubjectX500Principal().getName() + " #"
                + certificate.getSerialNumber().toString(16);
    }
}
