package org.sscard.auth.certificate;

/**
 * Why a certificate path was refused. Stable names: they are logged, audited and printed by {@code sscard-verify},
 * and the login layer turns them into a plain message for the person.
 */
public enum RejectReason {
    EXPIRED,
    NOT_YET_VALID,
    /** No path to a trust anchor: an unknown issuer or an untrusted root. */
    UNTRUSTED_ISSUER,
    BAD_SIGNATURE,
    REVOKED,
    /** Revoked with reason certificateHold: suspended, may come back. */
    ON_HOLD,
    /** Neither OCSP nor a CRL could say: refused, because we fail closed. */
    REVOCATION_UNKNOWN,
    /** SHA-1 or MD5 signature in the path. */
    WEAK_ALGORITHM,
    /** RSA/DSA under the minimum bits, EC under 256. */
    WEAK_KEY,
    BAD_BASIC_CONSTRAINTS,
    KEY_USAGE,
    UNKNOWN_CRITICAL_EXTENSION,
    POLICY,
    NAME_CHAINING,
    NAME_CONSTRAINTS,
    /**
     * The path search's bound was reached: too many certificates offered, or no path to an anchor among the partial
     * paths it may visit. Nothing a real hierarchy needs; a sign of a crafted chain.
     */
    PATH_SEARCH_LIMIT,
    MALFORMED
}
