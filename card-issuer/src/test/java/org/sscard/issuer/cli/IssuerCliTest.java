package org.sscard.issuer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.support.IssuerApiTest;

/** The city office's CLI, run in-process against the real issuer and relay: soft cards, status changes, refusals. */
class IssuerCliTest extends IssuerApiTest {

    CliRun cli(String stdin, String... args) {
        return CliRun.of(baseUrl(), RELAY.dataDir(), stdin, args);
    }

    @Test
    void issuesASoftCardFromAFileAndSuspendsResumesAndRevokesIt() throws Exception {
        String personalId = newResident();
        Path folder = tempDir("cli");
        Path secrets = Files.writeString(folder.resolve("holder.txt"), personalId + "\n246810\n");
        Path p12 = folder.resolve("card.p12");

        CliRun issued = cli("", "issue-soft-card", "--input", secrets.toString(), "--out", p12.toString());
        assertThat(issued.exit()).as(issued.err()).isZero();
        assertThat(issued.out() + issued.err()).doesNotContain(personalId).doesNotContain("246810");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)))
                .isEqualTo("rw-------");
        KeyStore card = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            card.load(in, "246810".toCharArray());
        }
        assertThat(card.getCertificateChain(SoftCard.ALIAS)).hasSize(3);
        String cardSerial = issued.field("card");

        assertThat(cli("", "status", "--card", cardSerial).field("status")).isEqualTo("GOOD");
        assertThat(cli("", "suspend", "--card", cardSerial).field("status")).isEqualTo("ON_HOLD");
        assertThat(cli("", "resume", "--card", cardSerial).field("status")).isEqualTo("GOOD");
        CliRun revoked = cli("", "revoke", "--card", cardSerial, "--reason", "keyCompromise");
        assertThat(revoked.field("status")).isEqualTo("REVOKED");
        assertThat(revoked.field("reason")).isEqualTo("keyCompromise");
        assertThat(relay("GET", "/api/v1/cards/by-certificate-serial/" + issued.field("certificate"), null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REVOKED");

        CliRun again = cli("", "revoke", "--card", cardSerial);
        assertThat(again.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(again.err()).contains("The certificate is already revoked");
    }

    @Test
    void refusesAnUnknownCardWithExitOneAndTheProblemDetail() {
        CliRun unknown = cli("", "status", "--card", "NO-SUCH-CARD-1");

        assertThat(unknown.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(unknown.err())
                .contains("No certificate or card with that serial")
                .contains("no card NO-SUCH-CARD-1");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void refusesAnUnregisteredResidentWithExitOne() {
        String stranger =
                PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA).digits();
        CliRun refused = cli(
                stranger + "\n1234\n",
                "issue-soft-card",
                "--out",
                tempDir("cli").resolve("x.p12").toString());

        assertThat(refused.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(refused.err()).contains("not registered in the relay").doesNotContain(stranger);
    }

    @Test
    void answersAWrongCommandLineWithExitTwoAndTheUsage() {
        CliRun help = cli("", "--help");
        assertThat(help.exit()).isEqualTo(IssuerCli.OK);
        assertThat(help.out())
                .contains("issue-token-card --pkcs11-library LIB --slot-index N")
                .contains("issue-token-card --enrolment-code --pkcs11-library LIB --slot-index N");
        assertThat(cli("").exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(cli("", "print-money").err())
                .contains("unknown command 'print-money'")
                .contains("usage:");
        CliRun secretInArgs = cli("", "issue-soft-card", "--personal-id", "1234", "--out", "x.p12");
        assertThat(secretInArgs.exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(secretInArgs.err()).contains("issue-soft-card has no option --personal-id");
        CliRun unknownOption = cli("", "--no-such-option");
        assertThat(unknownOption.exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(unknownOption.err()).contains("unknown option --no-such-option");
        assertThat(cli("", "status").err()).contains("status needs --card");
        assertThat(cli("", "status", "--card", "../../x").exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(cli("", "revoke", "--card", "ABCD-1234", "--reason", "lost").exit())
                .isEqualTo(IssuerCli.USAGE);
        CliRun noStdin = cli(
                "", "issue-soft-card", "--out", tempDir("cli").resolve("x.p12").toString());
        assertThat(noStdin.exit()).isEqualTo(IssuerCli.USAGE);
        assertThat(noStdin.err()).contains("expected the personal ID");
    }

    @Test
    void printsATokenOfTheCityOfficeThatTheIssuerAccepts() {
        CliRun printed = cli("", "print-token", "--audience", "card-issuer");
        assertThat(printed.exit()).as(printed.err()).isZero();
        String token = printed.out().trim();
        assertThat(token.split("\\.")).hasSize(3);
        Response unknownCard = call(baseUrl() + "/api/v1/cards/NO-SUCH-CARD-2", "Bearer " + token, "GET", null);
        assertThat(unknownCard.status()).as(unknownCard.body()).isEqualTo(404);
        assertThat(call(baseUrl() + "/api/v1/cards/NO-SUCH-CARD-2", null, "GET", null)
                        .status())
                .isEqualTo(401);
    }
}
