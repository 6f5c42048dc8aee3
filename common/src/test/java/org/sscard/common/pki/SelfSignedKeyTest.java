package org.sscard.common.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class SelfSignedKeyTest {

    @Test
    void makesAnRsa2048KeyWithACertificateSignedByItselfForTenYears() throws Exception {
        SelfSignedKey key = SelfSignedKey.generate("sscard SAML IdP signing");

        assertThat(key.certificate().getPublicKey()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) key.certificate().getPublicKey())
                        .getModulus()
                        .bitLength())
                .isEqualTo(2048);
        assertThat(key.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        key.certificate().verify(key.certificate().getPublicKey());
        assertThat(key.certificate().getSubjectX500Principal())
                .isEqualTo(key.certificate().getIssuerX500Principal())
                .isEqualTo(new X500Principal("CN=sscard SAML IdP signing"));
        Instant now = Instant.now();
        assertThat(key.certificate().getNotBefore().toInstant()).isBefore(now.minus(Duration.ofMinutes(59)));
        assertThat(key.certificate().getNotAfter().toInstant())
                .isAfter(now.plus(Duration.ofDays(3649)))
                .isBefore(now.plus(Duration.ofDays(3651)));
        assertThat(key.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void keepsANameWithX500SpecialCharactersOneCommonName() {
        SelfSignedKey key = SelfSignedKey.generate("https://hospital.example/sp, O=Evil");

        X500Principal subject = key.certificate().getSubjectX500Principal();
        assertThat(subject.getName(X500Principal.RFC2253)).isEqualTo("CN=https://hospital.example/sp\\, O\\=Evil");
    }
}
