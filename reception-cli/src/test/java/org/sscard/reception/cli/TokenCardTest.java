package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cards on PKCS#11 tokens (SoftHSM2, made in this test): the patient's card certificate is read without the
 * patient's PIN; the clerk's staff token is opened with the clerk's PIN and its key stays on the token.
 */
class TokenCardTest {

    private static final SoftHsmTokens HSM = SoftHsmTokens.get();

    @TempDir
    Path dir;

    @Test
    void readsThePatientsCardCertificateWithoutLoggingIn() throws Exception {
        // without login the token shows its certificates and hides its key: what the program may read
        assertThat(HSM.publicObjects(HSM.patientSlot))
                .contains("Certificate Object")
                .doesNotContain("Private Key");

        X509Certificate card = PatientCard.fromToken(SoftHsmTokens.LIBRARY, HSM.patientSlot);

        assertThat(card).isEqualTo(HSM.patientCard.certificate());
        assertThat(TokenCertificates.read(SoftHsmTokens.LIBRARY, HSM.patientSlot))
                .containsExactlyInAnyOrder(HSM.patientCard.certificate(), TestCards.CA.certificate());
    }

    @Test
    void theJdkKeyStoreCannotReadTheTokenWithoutAPinWhichIsWhyTheWrapperIsUsed() throws Exception {
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name = keystore-probe\nlibrary = " + SoftHsmTokens.LIBRARY + "\nslotListIndex = "
                        + HSM.patientSlot);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);

        assertThatThrownBy(() -> store.load(null, null)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesASlotWithoutAToken() {
        assertThatThrownBy(() -> PatientCard.fromToken(SoftHsmTokens.LIBRARY, 99))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("no slot index 99");
    }

    @Test
    void opensTheStaffTokenWithThePinAndClearsThePin() {
        char[] pin = HSM.staffPin.toCharArray();

        KeyManager[] managers = StaffCard.fromToken(SoftHsmTokens.LIBRARY, HSM.staffSlot, pin);

        X509KeyManager keys = (X509KeyManager) managers[0];
        String alias = keys.chooseClientAlias(new String[] {"RSA"}, null, null);
        assertThat(alias).isNotNull();
        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(HSM.staffCard.certificate());
        assertThat(keys.getPrivateKey(alias).getEncoded())
                .as("the key stays on the token")
                .isNull();
        assertThat(pin).containsOnly('\0');
    }

    @Test
    void refusesAWrongTokenPinWithExitCodeOne() {
        // the patient's token: nobody in this JVM logs in to it, so the PIN is really checked
        char[] wrong = "00000000".toCharArray();
        assertThat(Arrays.equals(wrong, HSM.patientPin.toCharArray())).isFalse();

        assertThatThrownBy(() -> StaffCard.fromToken(SoftHsmTokens.LIBRARY, HSM.patientSlot, wrong))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("wrong PIN?")
                .extracting(e -> ((CliFailure) e).exitCode())
                .isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void checksWithBothCardsOnTokensUpToTheLoginAndSaysWhenThePlatformCannotBeReached() throws Exception {
        Run run = Run.of(
                HSM.staffPin + "\n",
                "check",
                "--staff-pkcs11-library",
                SoftHsmTokens.LIBRARY.toString(),
                "--staff-slot-index",
                String.valueOf(HSM.staffSlot),
                "--card-pkcs11-library",
                SoftHsmTokens.LIBRARY.toString(),
                "--card-slot-index",
                String.valueOf(HSM.patientSlot),
                "--platform-url",
                "https://127.0.0.1:" + ClosedPort.get(),
                "--trust-anchor",
                TestCards.trustAnchor(dir).toString());

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.NOT_COMPLETED);
        assertThat(run.err()).contains("cannot be reached").contains("紙の保険証で確認してください");
    }
}
