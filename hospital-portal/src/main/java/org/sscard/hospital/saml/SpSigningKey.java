package org.sscard.hospital.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.sscard.common.pki.SelfSignedKey;

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
        SelfSignedKey key = SelfSignedKey.generate(subject);
        return new SpSigningKey(key.privateKey(), key.certificate());
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
