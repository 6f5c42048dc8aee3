package org.sscard.auth.certificate;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;

/** Turns the JDK's PKIX failure (its reason enums, and our own) into a {@link RejectReason} with a detail. */
final class PkixFailures {

    private PkixFailures() {}

    static ValidationResult toResult(CertPathValidatorException failure) {
        return ValidationResult.reject(reasonOf(failure.getReason()), detailOf(failure));
    }

    static RejectReason reasonOf(CertPathValidatorException.Reason reason) {
        if (reason instanceof AlgorithmStrengthChecker.Weakness weakness) {
            return weakness == AlgorithmStrengthChecker.Weakness.WEAK_KEY
                    ? RejectReason.WEAK_KEY
                    : RejectReason.WEAK_ALGORITHM;
        }
        if (reason instanceof BasicReason basic) {
            return switch (basic) {
                case EXPIRED -> RejectReason.EXPIRED;
                case NOT_YET_VALID -> RejectReason.NOT_YET_VALID;
                case REVOKED -> RejectReason.REVOKED;
                case UNDETERMINED_REVOCATION_STATUS -> RejectReason.REVOCATION_UNKNOWN;
                case INVALID_SIGNATURE -> RejectReason.BAD_SIGNATURE;
                case ALGORITHM_CONSTRAINED -> RejectReason.WEAK_ALGORITHM;
                case UNSPECIFIED -> RejectReason.MALFORMED;
            };
        }
        if (reason instanceof PKIXReason pkix) {
            return switch (pkix) {
                case NAME_CHAINING -> RejectReason.NAME_CHAINING;
                case INVALID_KEY_USAGE -> RejectReason.KEY_USAGE;
                case INVALID_POLICY -> RejectReason.POLICY;
                case NO_TRUST_ANCHOR -> RejectReason.UNTRUSTED_ISSUER;
                case UNRECOGNIZED_CRIT_EXT -> RejectReason.UNKNOWN_CRITICAL_EXTENSION;
                case NOT_CA_CERT, PATH_TOO_LONG -> RejectReason.BAD_BASIC_CONSTRAINTS;
                case INVALID_NAME -> RejectReason.NAME_CONSTRAINTS;
            };
        }
        return RejectReason.MALFORMED;
    }

    /** The JDK's message, with the subject of the certificate it failed on when it says which one. */
    private static String detailOf(CertPathValidatorException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        CertPath path = failure.getCertPath();
        int index = failure.getIndex();
        if (path != null
                && index >= 0
                && index < path.getCertificates().size()
                && path.getCertificates().get(index) instanceof X509Certificate cert) {
            return message + " (" + cert.getSubjectX500Principal().getName() + ")";
        }
        return message;
    }
}
