package org.sscard.issuer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.SoftHsm;
import org.sscard.issuer.token.Pkcs11Session;
import org.sscard.issuer.token.TokenCardWriter;

/**
 * {@code issue-token-card --enrolment-code} at the counter: the resident's own token (SoftHSM2) gets its key made on
 * it, the code (read from stdin) is redeemed, the certificate goes back to the token; no client credentials needed.
 */
class TokenEnrolmentTest extends IssuerApiTest {

    @Test
    void enrolsAResidentsOwnTokenWithTheCodeReadFromStdinAndNoClientCredentials() throws Exception {
        Person person = formerCardHolder();
        String code = newCode(person);
        SoftHsm.Token token = SoftHsm.get().claim();
        Path counter = counterWithTheCaRootOnly();

        CliRun enrolled = enrol(counter, code + "\n" + token.pin() + "\n", token);

        assertThat(enrolled.exit()).as(enrolled.err()).isZero();
        assertThat(enrolled.field("card")).isEqualTo(token.serial());
        assertThat(enrolled.out() + enrolled.err())
                .doesNotContain(code)
                .doesNotContain(code.replace("-", ""))
                .doesNotContain(token.pin());
        try (Pkcs11Session session = Pkcs11Session.open(
                SoftHsm.LIBRARY, token.slotIndex(), token.pin().toCharArray())) {
            X509Certificate onToken = (X509Certificate) session.keyStore().getCertificate(TokenCardWriter.ALIAS);
            assertThat(session.keyStore().getCertificateChain(TokenCardWriter.ALIAS))
                    .hasSize(3);
            assertThat(X500Name.getInstance(onToken.getSubjectX500Principal().getEncoded())
                            .getRDNs(BCStyle.SERIALNUMBER)[0]
                            .getFirst()
                            .getValue()
                            .toString())
                    .isEqualTo(person.personalId());
            assertThat(relay(
                                    "GET",
                                    "/api/v1/cards/by-certificate-serial/"
                                            + onToken.getSerialNumber().toString(16),
                                    null)
                            .json()
                            .path("cardSerial")
                            .asText())
                    .isEqualTo(token.serial());
        }
    }

    @Test
    void aRefusedCodeLeavesNothingOnTheToken() {
        SoftHsm.Token token = SoftHsm.get().claim();

        CliRun refused = enrol(RELAY.dataDir(), "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\n" + token.pin() + "\n", token);

        assertThat(refused.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(refused.err()).contains("The enrolment code is not valid");
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
        assertThat(objects).doesNotContain("Private Key Object").doesNotContain("Certificate Object");
    }

    @Test
    void theCodeIsNeverAnArgumentAndFixesTheProfile() {
        CliRun codeInArgs = CliRun.of(
                baseUrl(),
                RELAY.dataDir(),
                "",
                "issue-token-card",
                "--enrolment-code",
                "ABCDE-ABCDE-ABCDE-ABCDE",
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--slot-index",
                "0");
        CliRun withProfile = CliRun.of(
                baseUrl(),
                RELAY.dataDir(),
                "ABCDE-ABCDE-ABCDE-ABCDE\n0000\n",
                "issue-token-card",
                "--enrolment-code",
                "--profile",
                "resident-card",
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--slot-index",
                "0");

        assertThat(codeInArgs.exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(codeInArgs.err()).contains("unexpected argument");
        assertThat(withProfile.exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(withProfile.err()).contains("--profile and --replaces do not apply");
    }

    private CliRun enrol(Path dataDir, String stdin, SoftHsm.Token token) {
        return CliRun.of(
                baseUrl(),
                dataDir,
                stdin,
                "issue-token-card",
                "--enrolment-code",
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--slot-index",
                String.valueOf(token.slotIndex()));
    }

    private String newCode(Person person) {
        Response created = as(cityAdmin(), "POST", "/api/v1/enrolment-codes", Map.of("personId", person.id()));
        if (created.status() != 201) {
            throw new AssertionError("no enrolment code: " + created.body());
        }
        return created.json().path("code").asText();
    }

    /** A counter's data directory: the platform CA's root to trust the issuer, and no client key. */
    private static Path counterWithTheCaRootOnly() throws Exception {
        Path counter = tempDir("sscard-counter");
        Files.createDirectories(counter.resolve("tls"));
        Files.copy(PlatformTrust.caRoot(RELAY.dataDir()), PlatformTrust.caRoot(counter));
        return counter;
    }
}
