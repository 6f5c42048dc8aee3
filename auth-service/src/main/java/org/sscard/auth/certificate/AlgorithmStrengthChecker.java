package org.sscard.auth.certificate;

import java.security.PublicKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

/**
 * Our algorithm floor ({@link AlgorithmFloor}), which the JDK's own constraints are too lenient for: runs inside PKIX for every certificate
 * of the path (so never on the anchor's self-signature) and fails with a reason we can map.
 */
final class AlgorithmStrengthChecker extends PKIXCertPathChecker {

    /** Our own failure reasons, carried by the PKIX exception like the JDK's. */
    enum Weakness implements CertPathValidatorException.Reason {
        WEAK_ALGORITHM,
        WEAK_KEY
    }

    private final ValidationPolicy policy;

    AlgorithmStrengthChecker(ValidationPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init(boolean forward) throws CertPathValidatorException {
        if (forward) {
            throw new CertPathValidatorException("forward checking not supported");
        }
    }

    @Override
    public boolean isForwardCheckingSupported() {
        return false;
    }

    @Override
    public Set<String> getSupportedExtensions() {
        return null;
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCritExts)
            throws CertPathValidatorException {
        X509Certificate cert = (X509Certificate) certificate;
        AlgorithmFloor floor = new AlgorithmFloor(policy);
        String weakSignature = floor.weakSignature(cert);
        if (weakSignature != null) {
            throw new CertPathValidatorException(
                    weakSignature + " on " + cert.getSubjectX500Principal(), null, null, -1, Weakness.WEAK_ALGORITHM);
        }
        String weakKey = floor.weakKey(cert.getPublicKey());
        if (weakKey != null) {
            throw new CertPathValidatorException(
                    weakKey + " in " + cert.getSubjectX500Principal(), null, null, -1, Weakness.WEAK_KEY);
        }
    }

    /** A description of the key if it is under the floor, else null. Also used for the anchor's key. */
    static String weakKey(PublicKey key, ValidationPolicy policy) {
        return new AlgorithmFloor(policy).weakKey(key);
    }
}
