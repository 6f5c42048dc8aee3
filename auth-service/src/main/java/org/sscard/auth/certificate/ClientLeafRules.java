package org.sscard.auth.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What RFC 5280 and TLS client authentication ask of the end-entity certificate a client authenticates with, beyond a
 * valid path: one source for every login profile (resident card, staff card, service client) and for
 * {@code sscard-verify --profile}. An end entity, not a CA (basicConstraints cA false, no keyCertSign or cRLSign);
 * keyUsage present with digitalSignature (it signs the handshake or the client assertion); extendedKeyUsage present
 * with clientAuth; an RSA or EC key (what TLS and RS256/ES256 sign with; the key size is the path's algorithm floor);
 * no critical extension a client certificate has no use for; and exactly the subject alternative names its profile
 * expects. Validity, signatures, the algorithm floor and unknown critical extensions are the path validator's.
 */
public final class ClientLeafRules {

    /** What is wrong with the certificate, for the caller's own refusal codes. */
    public enum Defect {
        CA_CERTIFICATE,
        KEY_USAGE,
        NO_CLIENT_AUTH,
        KEY_ALGORITHM,
        CRITICAL_EXTENSION,
        ALTERNATIVE_NAME
    }

    /** A defect and a detail that names no subject (so never a personal ID). */
    public record Refusal(Defect defect, String detail) {}

    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** keyUsage, basicConstraints, extendedKeyUsage, subjectAltName, certificatePolicies. */
    static final Set<String> UNDERSTOOD_CRITICAL =
            Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37", "2.5.29.17", "2.5.29.32");

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    private static final int URI = 6;

    private ClientLeafRules() {}

    /**
     * Why the certificate may not authenticate a client of its profile, or empty when it may.
     *
     * @param expectedUris the subject alternative names the profile requires, as URIs, exactly; empty: no
     *                     subjectAltName at all (the card profiles name their holder in the subject only)
     */
    public static Optional<Refusal> refusal(X509Certificate leaf, List<String> expectedUris) {
        boolean[] usage = leaf.getKeyUsage();
        if (leaf.getBasicConstraints() != -1
                || (usage != null && (bit(usage, KEY_CERT_SIGN) || bit(usage, CRL_SIGN)))) {
            return refuse(Defect.CA_CERTIFICATE, "a CA certificate, not an end entity");
        }
        if (usage == null || !bit(usage, DIGITAL_SIGNATURE)) {
            return refuse(Defect.KEY_USAGE, "keyUsage without digitalSignature");
        }
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(CLIENT_AUTH)) {
                return refuse(Defect.NO_CLIENT_AUTH, "no clientAuth extended key usage");
            }
        } catch (CertificateParsingException e) {
            return refuse(Defect.NO_CLIENT_AUTH, "the extended key usage cannot be read");
        }
        if (!(leaf.getPublicKey() instanceof RSAPublicKey) && !(leaf.getPublicKey() instanceof ECPublicKey)) {
            return refuse(Defect.KEY_ALGORITHM, leaf.getPublicKey().getAlgorithm() + " key, not RSA or EC");
        }
        Set<String> critical = leaf.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!UNDERSTOOD_CRITICAL.contains(oid)) {
                    return refuse(Defect.CRITICAL_EXTENSION, "critical extension " + oid + " on a client certificate");
                }
            }
        }
        return alternativeNames(leaf, expectedUris);
    }

    private static Optional<Refusal> alternativeNames(X509Certificate leaf, List<String> expectedUris) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    Object type = name.get(0);
                    if (!(type instanceof Integer tag) || tag != URI) {
                        return refuse(Defect.ALTERNATIVE_NAME, "a subject alternative name other than a URI");
                    }
                    names.add(String.valueOf(name.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            return refuse(Defect.ALTERNATIVE_NAME, "the subject alternative names cannot be read");
        }
        if (!names.equals(expectedUris)) {
            return refuse(
                    Defect.ALTERNATIVE_NAME,
                    expectedUris.isEmpty()
                            ? "subject alternative names where the profile has none"
                            : "subject alternative names other than " + expectedUris);
        }
        return Optional.empty();
    }

    private static boolean bit(boolean[] usage, int index) {
        return usage.length > index && usage[index];
    }

    private static Optional<Refusal> refuse(Defect defect, String detail) {
        return Optional.of(new Refusal(defect, detail));
    }
}
