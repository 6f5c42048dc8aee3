package org.sscard.issuer.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateProfile.ExtendedKeyUsageName;
import org.sscard.issuer.profile.CertificateProfile.KeyUsageName;
import org.sscard.issuer.profile.SubjectKind;
import org.sscard.testsupport.MovableClock;

/** The delegated OCSP signer is renewed while the CA runs, once a quarter of its life is left; the CAs stay. */
class OcspSignerRenewalTest {

    @TempDir
    Path dir;

    @Test
    void renewsTheOcspSignerNearItsEndAndKeepsRootAndIssuingCa() {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        CaKeyStore store = new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "test-passphrase".toCharArray());
        CaHierarchy hierarchy = new CaHierarchy(store, new CertificateMinter(store), ca(), clock);
        assertThat(hierarchy.initialise(ocspProfile())).hasSize(3);
        X509Certificate first = hierarchy.ocspSigner().certificate();
        X509Certificate issuing = hierarchy.issuing().certificate();

        clock.advance(Duration.ofDays(200)); // more than half a year of one: not yet due
        assertThat(hierarchy.initialise(ocspProfile())).isEmpty();
        assertThat(hierarchy.ocspSigner().certificate()).isEqualTo(first);

        clock.advance(Duration.ofDays(100)); // 300 days: less than a quarter left
        List<X509Certificate> renewed = hierarchy.initialise(ocspProfile());
        assertThat(renewed).hasSize(1);
        X509Certificate second = hierarchy.ocspSigner().certificate();
        assertThat(second).isNotEqualTo(first).isEqualTo(renewed.get(0));
        assertThat(second.getNotAfter()).isAfter(first.getNotAfter());
        assertThat(hierarchy.issuing().certificate()).isEqualTo(issuing);
        assertThat(new CaHierarchy(store, new CertificateMinter(store), ca(), clock).initialise(ocspProfile()))
                .as("a restarted CA loads the renewed signer")
                .isEmpty();
    }

    private static CaProperties ca() {
        return new CaProperties(
                "テスト認証局",
                "テスト市",
                "JP",
                Period.ofYears(20),
                Period.ofYears(10),
                2048,
                2048,
                URI.create("http://localhost:9"),
                Duration.ofHours(24),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                CaProperties.KeyStoreType.PKCS12,
                null);
    }

    private static CertificateProfile ocspProfile() {
        return new CertificateProfile(
                SubjectKind.OCSP_SIGNER,
                Period.ofYears(1),
                "RSA",
                2048,
                List.of(KeyUsageName.digitalSignature),
                List.of(ExtendedKeyUsageName.OCSPSigning),
                List.of(),
                false,
                false,
                true,
                null);
    }
}
