package org.sscard.auth.certificate.revocation;

/**
 * Says whether one certificate of an already validated path is revoked. Implementations never throw for a
 * network or data problem: they answer {@link RevocationStatus.Unknown}, and the caller decides (fail closed).
 */
public interface RevocationChecker {

    RevocationStatus check(CertificateToCheck subject);
}
