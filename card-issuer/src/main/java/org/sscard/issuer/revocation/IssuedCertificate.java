package org.sscard.issuer.revocation;

import java.time.Instant;

/** One certificate the CA issued, as recorded. {@code holderRef}: relay opaque ID or platform service name. */
public record IssuedCertificate(
        String serial,
        String issuer,
        String profile,
        String subjectDn,
        HolderType holderType,
        String holderRef,
        String cardSerial,
        String sha256,
        Instant notBefore,
        Instant notAfter,
        CertificateStatus status,
        String revocationReason,
        Instant revokedAt,
        Instant issuedAt) {

    public enum HolderType {
        PERSON,
        STAFF,
        PLATFORM
    }
}
