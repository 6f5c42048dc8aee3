package org.sscard.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sscard.auth.certificate.PkitsData;

/**
 * {@code sscard-verify} on PKITS data: a good path, a revoked one; its help and usage errors; the login profiles are in
 * {@link VerifyCliProfileTest}.
 */
class VerifyCliTest {

    static PkitsData pkits;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void locate() {
        pkits = PkitsData.fromTestResources();
    }

    @Test
    void acceptsPkitsValidSignaturesTest1() {
        Run run = pkitsCase("ValidCertificatePathTest1EE.crt");
        assertThat(run.out().trim()).isEqualTo("ACCEPT");
        assertThat(run.exit()).isZero();
    }

    @Test
    void rejectsPkitsRevokedEndEntityTest3() {
        Run run = pkitsCase("InvalidRevokedEETest3EE.crt");
        assertThat(run.out()).startsWith("REJECT REVOKED: ").contains("keyCompromise");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void answersUsageErrorsWithExitTwo() {
        Run run = run("--at", "yesterday", "x.crt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("usage: sscard-verify");
    }

    @Test
    void answersHelpWithTheUsageOnStdoutAndExitZero() {
        for (String help : List.of("--help", "-h")) {
            Run run = run(help);
            assertThat(run.exit()).as(help).isZero();
            assertThat(run.out()).as(help).startsWith("usage: sscard-verify").contains("--trust-anchor FILE");
            assertThat(run.err()).as(help).isEmpty();
        }
    }

    @Test
    void answersAnUnknownOptionWithTheUsageAndExitTwo() {
        Run run = run("--no-such-option");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unexpected argument '--no-such-option'").contains("usage: sscard-verify");
        assertThat(run.out()).isEmpty();
    }

    private Run pkitsCase(String endEntity) {
        List<String> args = new ArrayList<>(List.of(
                "--trust-anchor",
                pkits.cert("TrustAnchorRootCertificate.crt").toString(),
                "--intermediate",
                pkits.cert("GoodCACert.crt").toString(),
                "--crl",
                pkits.crl("GoodCACRL.crl").toString(),
                "--crl",
                pkits.crl("TrustAnchorRootCRL.crl").toString(),
                "--at",
                "2026-01-01T00:00:00Z",
                pkits.cert(endEntity).toString()));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
