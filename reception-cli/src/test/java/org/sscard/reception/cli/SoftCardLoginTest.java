package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code check-ssn} with a staff soft card, up to the login: a wrong PIN is the clerk's own
 * problem (exit 1); a platform that cannot be reached means "confirm with the paper insurance card" (exit 5).
 */
class SoftCardLoginTest {

    @TempDir
    Path dir;

    @Test
    void refusesAWrongStaffCardPinWithExitCodeOne() {
        Run run = check("0000\n");

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("wrong PIN?");
    }

    @Test
    void saysConfirmWithThePaperCardWhenThePlatformCannotBeReached() {
        Run run = check("9001\n");

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.NOT_COMPLETED);
        assertThat(run.err()).contains("紙の保険証で確認してください").contains("Confirm with the paper insurance card");
    }

    @Test
    void checkSsnReadsPinSsnAndDateOfBirthThenLogsIn() {
        Run run = Run.of(
                "9001\n100000000006\n1968-05-05\n",
                "check-ssn",
                "--staff-card",
                TestCards.staffCard(dir.resolve("clerk.p12"), "9001").toString(),
                "--reason",
                "CARD_FORGOTTEN",
                "--platform-url",
                "https://127.0.0.1:" + ClosedPort.get(),
                "--trust-anchor",
                TestCards.trustAnchor(dir).toString());

        assertThat(run.exit()).as(run.printed()).isEqualTo(ExitCodes.NOT_COMPLETED);
        assertThat(run.err()).doesNotContain("100000000006").doesNotContain("1968-05-05");
    }

    private Run check(String stdin) {
        return Run.of(
                stdin,
                "check",
                "--staff-card",
                TestCards.staffCard(dir.resolve("clerk.p12"), "9001").toString(),
                "--card-cert",
                TestCards.pem(dir.resolve("patient.pem"), TestCards.residentCard())
                        .toString(),
                "--platform-url",
                "https://127.0.0.1:" + ClosedPort.get(),
                "--trust-anchor",
                TestCards.trustAnchor(dir).toString());
    }
}
