package org.sscard.hospital.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The SP's signing key (RSA 2048) and self-signed certificate, for its AuthnRequests. The IdP pins the certificate
 * from the SP metadata in the relay, so no CA is involved. Made at first start into
 * {@code <data-dir>/secrets/hospital/saml-sp-signing.{key,crt}} (owner-only; never in git), or per start in memory.
 */
public record SpSigningKey(PrivateKey privateKey, X509Certificate certificate) {

    static final String KEY_FILE = "saml-sp-signing.key";
    static final String CERTIFICATE_FILE = "saml-sp-signing.crt";

    public static SpSigningKey inMemory(String subject) {
        return generate(subject);
    }

    /** Reads the pair from {@code directory}, generating and writing it there first if absent. */
    public static synchronized SpSigningKey fromDirectory(Path directory, String subject) {
        Path key = directory.resolve(KEY_FILE);
        Path certificate = directory.resolve(CERTIFICATE_FILE);
        try {
            if (!Files.exists(key) || !Files.exists(certificate)) {
                SpSigningKey fresh = generate(subject);
                Files.createDirectories(directory);
                ownerOnly(directory, "rwx------");
                write(key, pem("PRIVATE KEY", fresh.privateKey().getEncoded()));
                write(certificate, pem("CERTIFICATE", fresh.certificate().getEncoded()));
                return fresh;
            }
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
            byte[] der = Base64.getMimeDecoder()
                    .decode(Files.readString(key).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SpSigningKey(privateKey, cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the SP signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the SP signing key in " + directory, e);
        }
    }

    private static SpSigningKey generate(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + subject.replaceAll("[,=+<>#;\"\\\\]", "_"));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    new BigInteger(64, new SecureRandom()),
                                    Date.from(now.minus(1, ChronoUnit.HOURS)),
                                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                                    name,
                                    keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new SpSigningKey(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the SP signing key", e);
        }
    }

    /** The certificate as metadata carries it: base64 DER without PEM armour. */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** Created owner-only before anything is written into it, so the key is never readable by others. */
    private static void write(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's ACL is the operator's to set
        }
    }
}
