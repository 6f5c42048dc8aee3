package org.sscard.issuer.revocation;

/** The CA's view of a certificate: GOOD, ON_HOLD (certificateHold, may return to GOOD), or REVOKED (final). */
public enum CertificateStatus {
    GOOD,
    ON_HOLD,
    REVOKED
}
