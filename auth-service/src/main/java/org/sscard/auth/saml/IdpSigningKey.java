package org.sscard.auth.saml;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.opensaml.security.x509.BasicX509Credential;
import org.sscard.common.pki.SelfSignedKey;

/**
 * The IdP's signing key (RSA 2048) and its self-signed certificate, which the IdP metadata publishes and SPs pin:
 * generated at first start into one owner-only PEM file in the data directory (never in git) and read from there
 * afterwards; or, for tests, a new one in memory.
 */
final class IdpSigningKey {

    private IdpSigningKey() {}

    static BasicX509Credential credential(SamlProperties.SigningKeyStore store, Path file, String entityId) {
        return store == SamlProperties.SigningKeyStore.MEMORY ? generate(entityId) : loadOrCreate(file, entityId);
    }

    private static BasicX509Credential loadOrCreate(Path file, String entityId) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(
                        file.getParent(),
                        "saml-idp",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, pem(generate(entityId)), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // another instance wrote it first: use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the SAML signing key " + file, e);
        }
    }

    private static BasicX509Credential read(String pem) throws IOException {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair) {
                    key = new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
                } else if (o instanceof X509CertificateHolder holder) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SAML signing certificate cannot be read", e);
        }
        if (key == null || certificate == null) {
            throw new IllegalStateException("the SAML signing key file needs a PRIVATE KEY and a CERTIFICATE");
        }
        return new BasicX509Credential(certificate, key);
    }

    private static String pem(BasicX509Credential credential) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(
                    PrivateKeyInfo.getInstance(credential.getPrivateKey().getEncoded()));
            writer.writeObject(credential.getEntityCertificate());
        }
        return out.toString();
    }

    private static BasicX509Credential generate(String entityId) {
        SelfSignedKey key = SelfSignedKey.generate("sscard SAML IdP signing");
        BasicX509Credential credential = new BasicX509Credential(key.certificate(), key.privateKey());
        credential.setEntityId(entityId);
        return credential;
    }
}
