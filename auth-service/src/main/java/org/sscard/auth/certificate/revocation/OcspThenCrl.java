package org.sscard.auth.certificate.revocation;

/**
 * The platform's revocation order: OCSP first (current, per certificate), the CRL when OCSP cannot say. When
 * neither can, the answer stays Unknown and the validator refuses (fail closed) unless the relying party is
 * configured fail-open.
 */
public final class OcspThenCrl implements RevocationChecker {

    private final RevocationChecker ocsp;
    private final RevocationChecker crl;

    public OcspThenCrl(RevocationChecker ocsp, RevocationChecker crl) {
        this.ocsp = ocsp;
        this.crl = crl;
    }

    @Override
    public RevocationStatus check(CertificateToCheck subject) {
        RevocationStatus first = ocsp.check(subject);
        if (!(first instanceof RevocationStatus.Unknown ocspUnknown)) {
            return first;
        }
        RevocationStatus second = crl.check(subject);
        if (second instanceof RevocationStatus.Unknown crlUnknown) {
            return new RevocationStatus.Unknown(
                    "OCSP and CRL",
                    ocspUnknown.source() + ": " + ocspUnknown.why() + "; " + crlUnknown.source() + ": "
                            + crlUnknown.why());
        }
        return second;
    }
}
