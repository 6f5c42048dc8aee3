package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: usage on --help (exit 0), every wrong command line exits 2 before anything is asked. */
class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void printsItsUsageOnStdout(String option) {
        Run run = Run.of("", option);

        assertThat(run.exit()).as(run.printed()).isZero();
        assertThat(run.out())
                .contains("usage: sscard-reception")
                .contains("check-ssn")
                .contains("verify-statement");
    }

    @Test
    void refusesNoCommandAnUnknownCommandAndAnUnknownOption() {
        assertUsage(Run.of(""), "no command given");
        assertUsage(Run.of("", "lookup", "--name", "鴨川"), "unknown command 'lookup'");
        assertUsage(Run.of("", "--no-such-option"), "the command comes first");
        assertUsage(
                Run.of("", "check", "--card-cert", "a.pem", "--personal-id", "1"), "check has no option --personal-id");
    }

    @Test
    void refusesAnOptionWithoutItsValueOrGivenTwice() {
        assertUsage(Run.of("", "check", "--card-cert"), "--card-cert needs a value");
        assertUsage(Run.of("", "check", "--card-cert", "a", "--card-cert", "b"), "--card-cert is given twice");
        assertUsage(Run.of("", "check", "stray"), "unexpected argument 'stray'");
    }

    @Test
    void checkNeedsExactlyOneStaffCardAndExactlyOnePatientCard() throws Exception {
        Path card = Files.writeString(dir.resolve("patient.pem"), "not read before the usage is right");

        assertUsage(
                Run.of("1234\n", "check", "--card-cert", card.toString()),
                "either --staff-card or --staff-pkcs11-library");
        assertUsage(
                Run.of(
                        "1234\n",
                        "check",
                        "--staff-card",
                        "clerk.p12",
                        "--staff-pkcs11-library",
                        "/usr/lib/softhsm/libsofthsm2.so",
                        "--card-cert",
                        card.toString()),
                "not both");
        assertUsage(
                Run.of("1234\n", "check", "--staff-card", "clerk.p12"), "either --card-cert or --card-pkcs11-library");
        assertUsage(
                Run.of(
                        "1234\n",
                        "check",
                        "--staff-pkcs11-library",
                        "/usr/lib/softhsm/libsofthsm2.so",
                        "--staff-slot-index",
                        "first",
                        "--card-cert",
                        card.toString()),
                "--staff-slot-index is a slot index");
    }

    @Test
    void checkSsnNeedsAKnownReasonAndTakesNoCard() {
        assertUsage(Run.of("1234\n", "check-ssn", "--staff-card", "clerk.p12"), "check-ssn needs --reason");
        assertUsage(
                Run.of("1234\n", "check-ssn", "--staff-card", "clerk.p12", "--reason", "CARD_LOST"),
                "--reason is CARD_UNREADABLE or CARD_FORGOTTEN");
        assertUsage(
                Run.of(
                        "1234\n",
                        "check-ssn",
                        "--staff-card",
                        "c.p12",
                        "--reason",
                        "CARD_FORGOTTEN",
                        "--card-cert",
                        "x"),
                "check-ssn has no option --card-cert");
    }

    @Test
    void takesTheSsnAndTheDateOfBirthFromStandardInputOnlyAndChecksTheirForm() throws Exception {
        Path anchor = TestCards.trustAnchor(dir);
        String[] args = {
            "check-ssn", "--staff-card", "clerk.p12", "--reason", "CARD_UNREADABLE", "--trust-anchor", anchor.toString()
        };

        assertUsage(Run.of("", args), "expected the clerk's PIN");
        assertUsage(Run.of("1234\n", args), "expected the provisional social-security number");
        assertUsage(Run.of("1234\n12345\n1968-05-05\n", args), "is 12 digits");
        assertUsage(Run.of("1234\n100000000006\n", args), "expected the date of birth");
        assertUsage(Run.of("1234\n100000000006\n05/05/1968\n", args), "is YYYY-MM-DD");
    }

    @Test
    void refusesAMissingTrustAnchorOrPatientCardFile() {
        assertUsage(
                Run.of(
                        "1234\n",
                        "check",
                        "--staff-card",
                        "clerk.p12",
                        "--card-cert",
                        dir.resolve("absent.pem").toString()),
                "no card certificate file");
    }

    @Test
    void refusesToOverwriteAFileItWouldSaveBeforeLoggingIn() throws Exception {
        Path existing = Files.writeString(dir.resolve("statement.jws"), "yesterday's statement");

        Run run = Run.of(
                "1234\n",
                "check",
                "--staff-card",
                "clerk.p12",
                "--card-cert",
                "x.pem",
                "--save-statement",
                existing.toString());

        assertUsage(run, "refusing to overwrite");
        assertThat(Files.readString(existing)).isEqualTo("yesterday's statement");
    }

    @Test
    void verifyStatementNeedsOneStatementItsKeysAndTheHospital() throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        Path statement = Files.writeString(dir.resolve("s.jws"), "a.b.c");

        assertUsage(Run.of("", "verify-statement", "--jwks", jwks.toString(), "--hospital", "h"), "takes 1 file name");
        assertUsage(Run.of("", "verify-statement", statement.toString(), "--hospital", "h"), "needs --jwks");
        assertUsage(
                Run.of("", "verify-statement", statement.toString(), "--jwks", jwks.toString()), "needs --hospital");
        assertUsage(
                Run.of(
                        "",
                        "verify-statement",
                        statement.toString(),
                        "--jwks",
                        jwks.toString(),
                        "--hospital",
                        "h",
                        "--at",
                        "soon"),
                "--at is a time");
        assertUsage(
                Run.of("", "verify-statement", statement.toString(), "--jwks", statement.toString(), "--hospital", "h"),
                "--jwks is not JSON");
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(run.printed()).contains(message).contains("usage: sscard-reception");
        assertThat(run.out()).as(run.printed()).isEmpty();
    }
}
