package org.sscard.auth.certificate.revocation;

import java.security.cert.X509CRL;
import java.util.Collection;

/** Where CRLs come from: given files (tests, the CLI) or the certificate's distribution points. Never verified here. */
public interface CrlSource {

    /** The CRLs that may cover this certificate; empty when there are none (the checker then answers Unknown). */
    Collection<X509CRL> crlsFor(CertificateToCheck subject);
}
