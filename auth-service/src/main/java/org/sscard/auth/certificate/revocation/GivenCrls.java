package org.sscard.auth.certificate.revocation;

import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.List;

/** A fixed set of CRLs (tests, the CLI, offline validation): every one is offered, the checker picks what applies. */
public final class GivenCrls implements CrlSource {

    private final List<X509CRL> crls;

    public GivenCrls(Collection<X509CRL> crls) {
        this.crls = List.copyOf(crls);
    }

    @Override
    public Collection<X509CRL> crlsFor(CertificateToCheck subject) {
        return crls;
    }
}
