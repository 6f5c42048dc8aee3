package org.sscard.issuer.support;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Test helpers: read certificates and soft cards, make key pairs and CSRs. */
public final class Certificates {

    private Certificates() {}

    public static X509Certificate fromPem(String pem) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes()));
    }

    public static KeyStore softCard(String base64Pkcs12, String pin) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pkcs12)), pin.toCharArray());
        return store;
    }

    public static KeyPair keyPair(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair();
    }

    /** A self-signed certificate with a random serial: a card the relay registers that this CA never issued. */
    public static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                new X500Name(subject),
                new java.math.BigInteger(64, new java.security.SecureRandom()).add(java.math.BigInteger.ONE),
                java.util.Date.from(now),
                java.util.Date.from(now.plus(java.time.Duration.ofDays(1))),
                new X500Name(subject),
                keys.getPublic());
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
    }

    public static String csr(KeyPair keys, String subject) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
        String algorithm = "EC".equals(keys.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        var csr = builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
        java.io.StringWriter out = new java.io.StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(csr);
        }
        return out.toString();
    }
}
