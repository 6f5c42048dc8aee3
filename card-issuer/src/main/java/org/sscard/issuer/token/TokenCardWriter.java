package org.sscard.issuer.token;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes a PKCS#11 token into a card: the key pair is generated on the token and signs its own CSR there; the
 * certificate the CA returns is written back beside it (with its chain). The private key never leaves the token,
 * and it stays on the token only if a certificate is written for it.
 */
public final class TokenCardWriter {

    /** The key and certificate's alias (PKCS#11 CKA_ID and certificate label) on the card. */
    public static final String ALIAS = "sscard-card";

    private final Pkcs11Session token;

    public TokenCardWriter(Pkcs11Session token) {
        this.token = token;
    }

    /** A key pair generated on the token and the PEM CSR it signed; the subject is a placeholder the CA ignores. */
    public record PendingCard(KeyPair keys, String csrPem) {}

    public String cardSerial() {
        return token.tokenSerialNumber();
    }

    /** Refuses a token that already holds a card: a card is never overwritten. */
    public PendingCard newKey(String keyAlgorithm, int keySize) {
        try {
            if (token.keyStore().containsAlias(ALIAS)) {
                throw new IllegalStateException("the token already holds a card (" + ALIAS + "); use a fresh token");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the token", e);
        }
        KeyPair keys = token.generate(keyAlgorithm, keySize);
        return new PendingCard(keys, csr(keys));
    }

    /** Writes the certificate (first) and its chain to the token, bound to the pending key. */
    public void write(PendingCard pending, List<X509Certificate> chain) {
        PublicKey certified = chain.get(0).getPublicKey();
        if (!java.util.Arrays.equals(
                certified.getEncoded(), pending.keys().getPublic().getEncoded())) {
            throw new IllegalStateException("the certificate is not for the key generated on this token");
        }
        token.store(ALIAS, pending.keys().getPrivate(), chain);
    }

    private String csr(KeyPair keys) {
        try {
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                            new X500Name("CN=sscard card"), keys.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(keys))
                            .setProvider(token.provider())
                            .build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            return pem.toString();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the token cannot sign the CSR", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String signatureAlgorithm(KeyPair keys) {
        return "EC".equals(keys.getPublic().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
