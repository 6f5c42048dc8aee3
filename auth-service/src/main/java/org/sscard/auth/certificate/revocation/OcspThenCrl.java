package org.sscard.auth.certificate.revocation;

/**
 * The platform's revocation order: OCSP first (current, per certificate), the CRL when OCSP cannot say. When OCSP
 * was asked (the certificate names a responder) and could not say, the certificate's CRL is fetched anew rather than
 * taken from a cache: a card revoked since the cached CRL was issued must not log in because the responder is down.
 * When neither can say, the answer stays Unknown and the validator refuses (fail closed) unless the relying party is
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
        boolean ocspAsked = !CertificateUrls.ocsp(subject.certificate()).isEmpty();
        RevocationStatus second = crl.check(ocspAsked ? subject.withFreshCrls() : subject);
        if (second instanceof RevocationStatus.Unknown crlUnknown) {
            return new RevocationStatus.Unknown(
                    "OCSP and CRL",
                    ocspUnknown.source() + ": " + ocspUnknown.why() + "; " + crlUnknown.source() + ": "
                            + crlUnknown.why());
        }
        return second;
    }
}
