package org.sscard.hospital.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's own answers, before any database: its help and a wrong command line. */
class ImportCliTest {

    record Run(int exit, String out, String err) {}

    @Test
    void answersHelpWithTheUsageOnStdoutAndExitZero() {
        for (String help : new String[] {"--help", "-h"}) {
            Run run = run("import", help);
            assertThat(run.exit()).as(help).isZero();
            assertThat(run.out()).as(help).startsWith("usage: sscard-hospital-import FILE.xml");
            assertThat(run.err()).as(help).isEmpty();
        }
    }

    @Test
    void answersAWrongCommandLineWithTheUsageAndExitTwo() {
        for (String[] args :
                new String[][] {{"import"}, {"import", "--no-such-option"}, {"import", "a.xml", "b.xml"}}) {
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("usage: sscard-hospital-import");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void answersAMissingFileWithExitTwo() {
        Run run = run("import", "/nonexistent.xml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file /nonexistent.xml");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
