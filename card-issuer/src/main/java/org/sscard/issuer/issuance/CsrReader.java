package org.sscard.issuer.issuance;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.profile.CertificateProfile;

/**
 * Reads a PKCS#10 request (PEM), checks it is signed by the key it carries (proof of possession) and that the key
 * fits the profile. Only the public key is taken: the subject is always built from the relay, never from the CSR.
 */
final class CsrReader {

    private CsrReader() {}

    static PublicKey publicKey(String pem, CertificateProfile profile) {
        PKCS10CertificationRequest csr = parse(pem);
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (IOException e) {
            throw new IssuerException(IssuerError.WRONG_KEY, "the CSR's key type is not supported");
        }
        requireFits(key, profile);
        // verified with the converted key: building a verifier from the raw SubjectPublicKeyInfo looks the key
        // factory up by OID, which the JDK's providers do not offer for EC, so every EC CSR looked forged
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new IssuerException(
                        IssuerError.CSR_SIGNATURE_INVALID, "the CSR is not signed by the key it contains");
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof IssuerException issuer) {
                throw issuer;
            }
            throw new IssuerException(IssuerError.CSR_SIGNATURE_INVALID, "the CSR's signature cannot be verified");
        }
        return key;
    }

    static void requireFits(PublicKey key, CertificateProfile profile) {
        boolean fits = switch (profile.keyAlgorithm()) {
            case "RSA" ->
                key instanceof RSAPublicKey rsa
                        && rsa.getModulus().bitLength() >= profile.keySize()
                        && rsa.getModulus().bitLength() <= 4096;
            case "EC" ->
                key instanceof ECPublicKey ec
                        && ec.getParams().getCurve().getField().getFieldSize() >= profile.keySize();
            default -> false;
        };
        if (!fits) {
            throw new IssuerException(
                    IssuerError.WRONG_KEY,
                    "this profile needs a " + profile.keyAlgorithm() + " key of at least " + profile.keySize()
                            + " bits");
        }
    }

    private static PKCS10CertificationRequest parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IssuerException(IssuerError.MALFORMED_CSR, "no CSR given");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (IOException | RuntimeException e) {
            // falls through to the refusal below
        }
        throw new IssuerException(IssuerError.MALFORMED_CSR, "expected a PEM 'CERTIFICATE REQUEST' (PKCS#10)");
    }
}
