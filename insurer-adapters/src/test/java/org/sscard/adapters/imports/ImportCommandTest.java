package org.sscard.adapters.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.adapters.InsurerAdaptersApplication;
import org.sscard.testsupport.TestPostgres;

/** The command line ({@code bin/sscard-import}): no web server, progress and report on stderr, exit codes. */
class ImportCommandTest {

    private static final String DATABASE = TestPostgres.createDatabase("cli");

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        System.setProperty("spring.datasource.url", DATABASE);
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("sscard.adapters.progress-every", "1");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("sscard.adapters.progress-every");
    }

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(
                InsurerAdaptersApplication.class,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout").isEmpty();
        return output;
    }

    @Test
    void answersHelpWithTheUsageOnStdoutAndExitZero() {
        for (String help : new String[] {"--help", "-h"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = ImportCommand.run(
                    InsurerAdaptersApplication.class,
                    new String[] {help},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(help).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as(help)
                    .startsWith("usage: sscard-import <provider> <kind> <file>")
                    .contains("contributions, projections");
            assertThat(err.toString(StandardCharsets.UTF_8)).as(help).isEmpty();
        }
    }

    @Test
    void answersAnUnknownOptionAloneWithTheUsageAndExitTwo() {
        assertThat(run(2, "--no-such-option")).startsWith("usage: sscard-import");
    }

    @Test
    void answersAnUnknownCharsetWithExitTwoAndNoStackTrace() {
        assertThat(run(2, "pension-office", "contributions", "x.csv", "--charset=bogus"))
                .isEqualToIgnoringNewLines("sscard-import: unknown charset 'bogus' (UTF-8 or Shift_JIS)");
    }

    @Test
    void importsRejectsAndRecognisesAFileWithExitCodes() throws Exception {
        Path good = dir.resolve("contributions.csv");
        Files.writeString(
                good,
                "pension_number,fiscal_year,scheme,months,exempt_months,amount\n"
                        + "9601-000001,2020,国民年金,12,0,198480\n9601-000001,2021,国民年金,12,0,199080\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "pension_number,fiscal_year,scheme,months,exempt_months,amount\n"
                        + "9601-000002,2020,国民年金,13,0,198480\n");

        assertThat(run(0, "pension-office", "contributions", good.toString()))
                .contains("loaded 1 rows")
                .contains("loaded 2 rows")
                .contains("imported 2 rows");
        assertThat(run(0, "pension-office", "contributions", good.toString())).contains("already imported");
        assertThat(run(1, "pension-office", "contributions", bad.toString()))
                .contains("bad.csv:2: months: ")
                .contains("nothing was loaded");
        assertThat(run(2, "pension-office", "contributions")).contains("usage: sscard-import");
        assertThat(run(
                        2,
                        "pension-office",
                        "contributions",
                        dir.resolve("missing.csv").toString()))
                .contains("no such file");
        assertThat(run(2, "pension-office", "notices", good.toString())).contains("takes no 'notices' files");
        try (Connection db = DriverManager.getConnection(DATABASE, "postgres", "");
                ResultSet rows = db.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM pension_office.contribution WHERE local_id LIKE '9601-%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }
}
