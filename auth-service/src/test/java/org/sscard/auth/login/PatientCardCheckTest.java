package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.sscard.auth.certificate.RevocationAudit;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The reception desk's patient-card check as {@link CardLoginConfig} wires it, without TLS: the card alone, its
 * issuing CA taken from the server's own TLS chain, and never failing open, even where the login is configured to.
 */
class PatientCardCheckTest {

    private static final TestPki PKI = TestPki.create();
    private static final int KEY_COMPROMISE = 1;
    private static final int CERTIFICATE_HOLD = 6;

    @TempDir
    Path dataDir;

    private final List<X509Certificate> failedOpen = new ArrayList<>();

    @Test
    void refusesUnknownRevocationStatusEvenWhenTheLoginFailsOpen() {
        String personalId = RelayFixture.newPersonalId();
        Issued card = PKI.residentCard(personalId).revocationUnreachable().issue();
        assertThatThrownBy(() -> check(true).check(card.certificate()))
                .isInstanceOfSatisfying(PatientCardCheck.RefusedByCa.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(LoginRefusal.REVOCATION_UNAVAILABLE);
                    // the signatures verified: the card is named, so that its holder learns a desk tried it
                    assertThat(refused.pkiRefusal()).isEqualTo("REVOCATION_UNKNOWN");
                    assertThat(refused.card()).hasValueSatisfying(named -> {
                        assertThat(named.certificateSerial()).isEqualTo(card.serialHex());
                        assertThat(named.personalId().digits()).isEqualTo(personalId);
                    });
                });
        assertThat(failedOpen).isEmpty();
    }

    @Test
    void readsSerialAndPersonalIdOfAGoodCardGivenWithoutItsChain() {
        String personalId = RelayFixture.newPersonalId();
        Issued card = PKI.residentCard(personalId).issue();
        PatientCardCheck.PatientCard checked = check(false).check(card.certificate());
        assertThat(checked.certificateSerial()).isEqualTo(card.serialHex());
        assertThat(checked.personalId().digits()).isEqualTo(personalId);
        assertThat(checked.toString()).doesNotContain(personalId);
    }

    @Test
    void namesTheCardTheCaRefusedForTheRelayButNotAStaffCard() {
        String personalId = RelayFixture.newPersonalId();
        Issued held = PKI.residentCard(personalId).issue();
        PKI.revokeInOcsp(held.certificate(), CERTIFICATE_HOLD);
        assertThatThrownBy(() -> check(false).check(held.certificate()))
                .isInstanceOfSatisfying(PatientCardCheck.RefusedByCa.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(LoginRefusal.CARD_SUSPENDED);
                    assertThat(refused.pkiRefusal()).isEqualTo("ON_HOLD");
                    assertThat(refused.card()).hasValueSatisfying(card -> {
                        assertThat(card.certificateSerial()).isEqualTo(held.serialHex());
                        assertThat(card.personalId().digits()).isEqualTo(personalId);
                    });
                    assertThat(refused.getMessage()).doesNotContain(personalId);
                });

        X509Certificate staff = PKI.staffCard(UUID.randomUUID(), "kameda-hospital", "RECEPTION_CLERK")
                .issue()
                .certificate();
        PKI.revokeInOcsp(staff, KEY_COMPROMISE);
        assertThatThrownBy(() -> check(false).check(staff))
                .isInstanceOfSatisfying(PatientCardCheck.RefusedByCa.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(LoginRefusal.CARD_REVOKED);
                    assertThat(refused.card()).isEmpty();
                });
    }

    @Test
    void refusesAStaffCardAsAPatientCard() {
        X509Certificate staff = PKI.staffCard(UUID.randomUUID(), "kameda-hospital", "RECEPTION_CLERK")
                .issue()
                .certificate();
        assertThatThrownBy(() -> check(false).check(staff))
                .isInstanceOfSatisfying(
                        LoginRefusedException.class,
                        refused ->
                                assertThat(refused.refusal()).isEqualTo(LoginRefusal.STAFF_CARD_AT_RESIDENT_ENTRANCE));
    }

    private PatientCardCheck check(boolean loginFailsOpen) {
        PKI.writeTrustRoot(dataDir);
        CardLoginProperties properties = new CardLoginProperties(
                0,
                URI.create("https://localhost"),
                "sscard",
                new CardLoginProperties.RateLimit(10, 30),
                loginFailsOpen,
                Duration.ofSeconds(2),
                Duration.ofHours(2),
                URI.create("https://desk.localhost:8087"));
        CardLoginConfig config = new CardLoginConfig();
        RevocationAudit audit = (certificate, why) -> failedOpen.add(certificate);
        return config.patientCardCheck(
                dataDir,
                properties,
                serverBundle(),
                config.cardRevocationChecker(properties),
                audit,
                new CardProfileCheck(PersonalIdFormat.standard()),
                Clock.systemUTC());
    }

    /** auth-service's TLS bundle: its server certificate and the issuing CA above it. */
    private static DefaultSslBundleRegistry serverBundle() {
        try {
            Issued server = PKI.tlsServer("localhost").issue();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "server", server.privateKey(), new char[0], server.chain().toArray(X509Certificate[]::new));
            DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
            bundles.registerBundle("sscard", SslBundle.of(SslStoreBundle.of(store, "", null)));
            return bundles;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
