package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.x509.BasicX509Credential;

/** The IdP's signing key in the data directory: made once, owner-only, the same key and certificate afterwards. */
class IdpSigningKeyTest {

    @Test
    void generatesTheKeyAtFirstStartAndReadsTheSameKeyAfterwards(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("secrets/auth/saml-idp-signing.pem");

        BasicX509Credential first = IdpSigningKey.credential(SamlProperties.SigningKeyStore.FILE, file, "idp");
        BasicX509Credential second = IdpSigningKey.credential(SamlProperties.SigningKeyStore.FILE, file, "idp");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(second.getEntityCertificate()).isEqualTo(first.getEntityCertificate());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(second.getPrivateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(first.getEntityCertificate().getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature))
                .as("the key read back matches the published certificate")
                .isTrue();
    }

    @Test
    void aMemoryKeyIsNewEachTimeAndNeverWritten(@TempDir Path dataDir) {
        Path file = dataDir.resolve("saml-idp-signing.pem");

        BasicX509Credential one = IdpSigningKey.credential(SamlProperties.SigningKeyStore.MEMORY, file, "idp");
        BasicX509Credential two = IdpSigningKey.credential(SamlProperties.SigningKeyStore.MEMORY, file, "idp");

        assertThat(one.getEntityCertificate()).isNotEqualTo(two.getEntityCertificate());
        assertThat(file).doesNotExist();
    }
}
