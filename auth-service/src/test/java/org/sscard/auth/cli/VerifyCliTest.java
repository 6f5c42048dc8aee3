package org.sscard.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sscard-verify} on PKITS data: a good path, a revoked one, and a usage error; the login profiles are in
 * {@link VerifyCliProfileTest}.
 */
class VerifyCliTest {

    static Path pkits;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void locate() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
                dir != null;
                dir = dir.getParent()) {
            if (dir.resolve("shared/conformance/pkits/manifest.json").toFile().isFile()) {
                pkits = dir.resolve("shared/conformance/pkits");
                return;
            }
        }
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

    private Run pkitsCase(String endEntity) {
        Assumptions.assumeTrue(pkits != null, "PKITS data not found (../shared/conformance/pkits)");
        List<String> args = new ArrayList<>(List.of(
                "--trust-anchor",
                pkits.resolve("certs/TrustAnchorRootCertificate.crt").toString(),
                "--intermediate",
                pkits.resolve("certs/GoodCACert.crt").toString(),
                "--crl",
                pkits.resolve("crls/GoodCACRL.crl").toString(),
                "--crl",
                pkits.resolve("crls/TrustAnchorRootCRL.crl").toString(),
                "--at",
                "2026-01-01T00:00:00Z",
                pkits.resolve("certs/" + endEntity).toString()));
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
