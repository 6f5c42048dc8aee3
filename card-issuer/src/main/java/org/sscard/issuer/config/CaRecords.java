package org.sscard.issuer.config;

import java.security.cert.X509Certificate;
import java.util.List;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/** Records the CA's own certificates (issuing CA, OCSP signer) in its register when the hierarchy makes them. */
final class CaRecords {

    private CaRecords() {}

    static void recordCreated(CaHierarchy hierarchy, List<X509Certificate> created, CertificateRecords records) {
        for (X509Certificate certificate : created) {
            boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
            boolean issuedByRoot = certificate
                    .getIssuerX500Principal()
                    .equals(hierarchy.root().certificate().getSubjectX500Principal());
            if (!selfSigned) {
                records.record(
                        certificate,
                        issuedByRoot ? CaHierarchy.ROOT : CaHierarchy.ISSUING,
                        issuedByRoot ? "issuing-ca" : "ocsp-signer",
                        HolderType.PLATFORM,
                        issuedByRoot ? "issuing-ca" : "ocsp-responder",
                        null);
            }
        }
    }
}
