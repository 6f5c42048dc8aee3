package org.sscard.auth.certificate;

import java.security.cert.X509Certificate;

/**
 * Where fail-open decisions go: accepting a certificate whose revocation status nobody could tell is a security
 * decision an auditor must be able to find, every single time.
 */
public interface RevocationAudit {

    void failedOpen(X509Certificate certificate, String why);
}
