package org.sscard.auth.certificate;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * The platform's algorithm floor, one rule for everything that vouches for a certificate: the signatures and keys of
 * a path ({@link AlgorithmStrengthChecker} inside PKIX), the trust anchor's key, and the OCSP responses and responder
 * certificates that speak for a certificate's status. No MD2, MD5 or (unless the policy allows it) SHA-1 signatures;
 * RSA and DSA keys of at least {@link ValidationPolicy#minimumRsaBits()}, EC keys of at least
 * {@link ValidationPolicy#minimumEcBits()}.
 */
public final class AlgorithmFloor {

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private final ValidationPolicy policy;

    public AlgorithmFloor(ValidationPolicy policy) {
        this.policy = policy;
    }

    /** The production floor ({@link ValidationPolicy#strict()}). */
    public static AlgorithmFloor strict() {
        return new AlgorithmFloor(ValidationPolicy.strict());
    }

    /**
     * A description if a signature by this algorithm (a JCA or BouncyCastle name such as {@code SHA1withRSA} or
     * {@code SHA1WITHRSA}) is under the floor, else null.
     */
    public String weakSignature(String algorithm) {
        String name = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
        if (name.contains("MD5") || name.contains("MD2") || (name.contains("SHA1") && !policy.allowSha1())) {
            return algorithm + " signature";
        }
        return null;
    }

    /**
     * A description if a signature by this algorithm is under the floor, else null. RSASSA-PSS names no hash in its
     * name: the hash and the mask function's hash are read from its parameters (SHA-1 inside PSS is SHA-1).
     */
    public String weakSignature(AlgorithmIdentifier algorithm) {
        String named = weakSignature(NAMES.getAlgorithmName(algorithm));
        if (named != null || !PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
            return named;
        }
        // absent parameters mean RFC 4055's defaults: SHA-1 and MGF1 with SHA-1
        RSASSAPSSparams pss = algorithm.getParameters() == null
                ? new RSASSAPSSparams()
                : RSASSAPSSparams.getInstance(algorithm.getParameters());
        AlgorithmIdentifier mask =
                AlgorithmIdentifier.getInstance(pss.getMaskGenAlgorithm().getParameters());
        for (AlgorithmIdentifier hash : new AlgorithmIdentifier[] {pss.getHashAlgorithm(), mask}) {
            if (weakSignature(NAMES.getAlgorithmName(hash)) != null) {
                return "RSASSA-PSS with " + NAMES.getAlgorithmName(hash) + " signature";
            }
        }
        return null;
    }

    /** {@link #weakSignature(AlgorithmIdentifier)} of a certificate's signature. */
    public String weakSignature(X509Certificate certificate) {
        try {
            byte[] parameters = certificate.getSigAlgParams();
            return weakSignature(new AlgorithmIdentifier(
                    new ASN1ObjectIdentifier(certificate.getSigAlgOID()),
                    parameters == null ? null : ASN1Primitive.fromByteArray(parameters)));
        } catch (IOException | IllegalArgumentException e) {
            return "unreadable signature algorithm " + certificate.getSigAlgName();
        }
    }

    /** A description of the key if it is under the floor, else null. */
    public String weakKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < policy.minimumRsaBits()) {
            return "RSA-" + rsa.getModulus().bitLength() + " key";
        }
        // a DSA key without parameters inherits them from its issuer, which was checked itself
        if (key instanceof DSAPublicKey dsa
                && dsa.getParams() != null
                && dsa.getParams().getP().bitLength() < policy.minimumRsaBits()) {
            return "DSA-" + dsa.getParams().getP().bitLength() + " key";
        }
        if (key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() < policy.minimumEcBits()) {
            return "EC-" + ec.getParams().getCurve().getField().getFieldSize() + " key";
        }
        return null;
    }
}
