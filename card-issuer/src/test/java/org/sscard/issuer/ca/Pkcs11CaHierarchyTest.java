package org.sscard.issuer.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateProfile.ExtendedKeyUsageName;
import org.sscard.issuer.profile.CertificateProfile.KeyUsageName;
import org.sscard.issuer.profile.CertificateSubject;
import org.sscard.issuer.profile.SubjectKind;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.SoftHsm;

/** The CA hierarchy on a real PKCS#11 token (SoftHSM2): keys made there, kept there, signing there. */
class Pkcs11CaHierarchyTest {

    private static final CertificateProfile OCSP_SIGNER = new CertificateProfile(
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
    private static final CertificateProfile RESIDENT_CARD = new CertificateProfile(
            SubjectKind.RESIDENT,
            Period.ofYears(5),
            "RSA",
            2048,
            List.of(KeyUsageName.digitalSignature),
            List.of(ExtendedKeyUsageName.clientAuth),
            List.of(),
            true,
            true,
            false,
            null);

    private static SoftHsm.Token token;
    private static CaProperties ca;
    private static CaHierarchy hierarchy;
    private static List<X509Certificate> created;

    @BeforeAll
    static void createTheHierarchyOnAToken() throws IOException {
        token = SoftHsm.get().claim();
        Path pinFile = Files.createTempFile(
                "hsm", ".pin", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pinFile, token.pin() + "\n");
        ca = new CaProperties(
                "テスト認証局",
                "テスト市",
                "JP",
                Period.ofYears(20),
                Period.ofYears(10),
                3072,
                2048,
                URI.create("http://localhost:8083"),
                Duration.ofHours(24),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                CaProperties.KeyStoreType.PKCS11,
                new CaProperties.Pkcs11(SoftHsm.LIBRARY, token.slotIndex(), pinFile));
        Pkcs11CaKeyStore keyStore = new Pkcs11CaKeyStore(ca.pkcs11());
        hierarchy = new CaHierarchy(keyStore, new CertificateMinter(keyStore), ca, Clock.systemUTC());
        created = hierarchy.initialise(OCSP_SIGNER);
    }

    @Test
    void generatesTheRootIssuingAndOcspKeysOnTheTokenAsSignOnlyAndNeverExtractable() {
        assertThat(created).hasSize(3);
        for (CaKeyStore.Entry entry : List.of(hierarchy.root(), hierarchy.issuing(), hierarchy.ocspSigner())) {
            // null for any token key in SunPKCS11; pkcs11-tool below reads the token's own attributes
            assertThat(entry.privateKey().getEncoded())
                    .as("a token key's value never reaches the JVM")
                    .isNull();
            assertThat(entry.privateKey().getClass().getName()).startsWith("sun.security.pkcs11.");
        }
        String objects = SoftHsm.get()
                .run(
                        "pkcs11-tool",
                        "--module",
                        SoftHsm.LIBRARY.toString(),
                        "--slot-index",
                        String.valueOf(token.slotIndex()),
                        "-O",
                        "--login",
                        "--pin",
                        token.pin());
        List<String> privateKeys = sections(objects, "Private Key Object");
        assertThat(privateKeys)
                .hasSize(3)
                .allSatisfy(key -> assertThat(key)
                        .contains("sensitive")
                        .contains("always sensitive")
                        .contains("never extractable")
                        .contains("local")
                        .containsPattern("Usage:\\s+sign\\s*\n"));
        assertThat(sections(objects, "Certificate Object")).hasSize(3);
        assertThat(sections(objects, "Public Key Object"))
                .as("the certificates carry the public keys")
                .isEmpty();
        assertThat(objects)
                .contains("label:      " + CaHierarchy.ROOT)
                .contains("label:      " + CaHierarchy.ISSUING)
                .contains("label:      " + CaHierarchy.OCSP);
    }

    @Test
    void aSecondKeyStoreOnTheSameTokenLoadsTheSameHierarchy() throws Exception {
        Pkcs11CaKeyStore again = new Pkcs11CaKeyStore(ca.pkcs11());
        CaHierarchy reloaded = new CaHierarchy(again, new CertificateMinter(again), ca, Clock.systemUTC());

        assertThat(reloaded.initialise(OCSP_SIGNER))
                .as("nothing new is created")
                .isEmpty();
        assertThat(reloaded.root().certificate()).isEqualTo(hierarchy.root().certificate());
        assertThat(reloaded.issuing().certificate())
                .isEqualTo(hierarchy.issuing().certificate());
        assertThat(reloaded.ocspSigner().certificate())
                .isEqualTo(hierarchy.ocspSigner().certificate());
        assertThat(reloaded.issuing().chain()).hasSize(2);
        reloaded.issuing().certificate().verify(reloaded.root().certificate().getPublicKey());
        reloaded.root().certificate().verify(reloaded.root().certificate().getPublicKey());
    }

    @Test
    void mintsAnEndEntityCertificateThatVerifiesAgainstTheIssuingCa() throws Exception {
        var cardKeys = Certificates.keyPair("RSA", 2048);
        var resident =
                new CertificateSubject.Resident(PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA));
        X509Certificate card = new CertificateMinter(hierarchy.keyStore())
                .endEntity(
                        RESIDENT_CARD,
                        resident,
                        cardKeys.getPublic(),
                        CertificateMinter.newSerial(),
                        hierarchy.issuing(),
                        ca,
                        Clock.systemUTC().instant());

        card.verify(hierarchy.issuing().certificate().getPublicKey());
        assertThat(card.getIssuerX500Principal())
                .isEqualTo(hierarchy.issuing().certificate().getSubjectX500Principal());
        assertThat(card.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    /** The blocks of {@code pkcs11-tool -O} output that start with the given object type. */
    static List<String> sections(String objects, String type) {
        return java.util.Arrays.stream(objects.split("(?m)^(?=\\S)"))
                .filter(s -> s.startsWith(type))
                .toList();
    }
}
