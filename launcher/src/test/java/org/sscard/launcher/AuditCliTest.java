package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sscard.launcher.AuditedDatabases.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bin/sscard-audit's program on the database bin/run starts, with every chained service's own migrations applied as
 * their owner roles (the insurer adapters' in each provider's schema), audit rows written and linked as their runtime
 * roles, and the audit keys in the data directory as the services make them. The card issuer's chain: three rows; the
 * auth service's: three rows signed ten days ago and two signed now; each insurer's: two rows; the pension office's:
 * two rows signed ten days ago and one signed now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCliTest {

    private static final String ACCESS = "INSERT INTO access_log (at, local_id, actor, action, purpose)"
            + " VALUES (now(), 'L-1', 'hospital-clerk', 'READ', 'treatment')";

    @TempDir
    static Path dataDir;

    private AuditedDatabases databases;
    private String dbUrl;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    void platformDatabasesWithAuditedRows() throws Exception {
        databases = AuditedDatabases.start(dataDir);
        dbUrl = databases.serverUrl();
        AuditedServices.AuditedService issuer = chain("card-issuer");
        for (int i = 1; i <= 3; i++) {
            databases.asRuntime(
                    issuer, "INSERT INTO issuer_audit (actor, action, outcome) VALUES ('city', 'ISSUE', 'ACCEPTED')");
        }
        databases.linkAndSign(issuer, Instant.now());
        AuditedServices.AuditedService auth = chain("auth-service");
        for (int i = 1; i <= 5; i++) {
            databases.asRuntime(auth, "INSERT INTO login_audit (event, outcome) VALUES ('card-login', 'success')");
            if (i == 3) {
                databases.linkAndSign(auth, Instant.now().minus(Duration.ofDays(10)));
            }
        }
        databases.linkAndSign(auth, Instant.now());
        for (String insurer : List.of("insurer-adapters-kamogawa-nhi", "insurer-adapters-kameda-kenpo")) {
            for (int i = 1; i <= 2; i++) {
                databases.asRuntime(chain(insurer), ACCESS);
            }
            databases.linkAndSign(chain(insurer), Instant.now());
        }
        AuditedServices.AuditedService pension = chain("insurer-adapters-pension-office");
        for (int i = 1; i <= 3; i++) {
            databases.asRuntime(pension, ACCESS);
            if (i == 2) {
                databases.linkAndSign(pension, Instant.now().minus(Duration.ofDays(10)));
            }
        }
        databases.linkAndSign(pension, Instant.now());
    }

    @AfterAll
    void stop() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void printsItsUsageOnHelpAndExitsZero() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: sscard-audit verify").contains("--older-than");
    }

    @Test
    void refusesAnUnknownCommandOptionServiceOrRetentionWithExitTwo() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"check"},
                new String[] {"verify", "--everything"},
                new String[] {"verify", "--service", "portal-gateway"},
                new String[] {"expire"},
                new String[] {"expire", "--service", "card-issuer", "--older-than", "five years"},
                new String[] {"expire", "--service", "card-issuer", "--older-than", "P-1D"},
                new String[] {"verify", "--older-than", "P1Y"})) {
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("Usage");
        }
    }

    @Test
    void verifiesEveryServicesChainReadingAsItsRuntimeRole() {
        Run run = run("verify", "--db-url", dbUrl, "--data-dir", dataDir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("relay-db-service: intact: no links")
                .contains("card-issuer: intact: links 1..3 from the genesis; head 3:")
                .contains("newest checkpoint seq 3")
                .contains("auth-service: intact")
                .contains("operator-console: intact: no links")
                .contains("reception-desk: intact: no links")
                .contains("hospital-portal: intact: no links")
                .contains("insurer-adapters-kamogawa-nhi: intact: links 1..2 from the genesis; head 2:")
                .contains("insurer-adapters-kameda-kenpo: intact: links 1..2 from the genesis; head 2:")
                .contains("insurer-adapters-pension-office: intact");
    }

    @Test
    void checksEveryProvidersChainOfTheInsurerAdaptersAndNamesTheProviderWhoseRowWasAltered() throws Exception {
        AuditedServices.AuditedService kenpo = chain("insurer-adapters-kameda-kenpo");
        databases.asOwnerBehindTheTriggers(
                kenpo, "access_log", "UPDATE access_log SET purpose = 'curiosity' WHERE id = 2");
        try {
            Run verify =
                    run("verify", "--service", "insurer-adapters", "--db-url", dbUrl, "--data-dir", dataDir.toString());

            assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
            assertThat(verify.out())
                    .contains("insurer-adapters-kamogawa-nhi: intact")
                    .contains("insurer-adapters-kameda-kenpo: BROKEN: altered row: access_log row 2 (seq 2)")
                    .contains("insurer-adapters-pension-office: intact")
                    .doesNotContain("card-issuer");
        } finally {
            databases.asOwnerBehindTheTriggers(
                    kenpo, "access_log", "UPDATE access_log SET purpose = 'treatment' WHERE id = 2");
        }
        assertThat(run("verify", "--service", "insurer-adapters", "--db-url", dbUrl, "--data-dir", dataDir.toString())
                        .exit())
                .isZero();
    }

    @Test
    void expiresAProvidersSegmentPastRetentionInItsOwnSchemaOnly() {
        Run expire = run(
                "expire",
                "--service",
                "insurer-adapters-pension-office",
                "--older-than",
                "P1D",
                "--db-url",
                dbUrl,
                "--data-dir",
                dataDir.toString());
        Run verify =
                run("verify", "--service", "insurer-adapters", "--db-url", dbUrl, "--data-dir", dataDir.toString());

        assertThat(expire.exit()).as(expire.out() + expire.err()).isZero();
        assertThat(expire.out())
                .contains("insurer-adapters-pension-office: cut at the checkpoint of seq 2")
                .contains("2 audit row(s)")
                .doesNotContain("kamogawa");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out())
                .contains("insurer-adapters-pension-office: intact: links 3..3 from the checkpoint at seq 2")
                .contains("insurer-adapters-kamogawa-nhi: intact: links 1..2 from the genesis");
    }

    @Test
    void namesTheAlteredRowOfABrokenChainExitsOneAndExpiresNothingFromIt() throws Exception {
        AuditedServices.AuditedService issuer = chain("card-issuer");
        databases.asOwnerBehindTheTriggers(
                issuer, "issuer_audit", "UPDATE issuer_audit SET outcome = 'REFUSED' WHERE id = 2");
        try {
            Run verify = run("verify", "--service=card-issuer", "--db-url", dbUrl, "--data-dir", dataDir.toString());
            Run expire = run(
                    "expire",
                    "--service",
                    "card-issuer",
                    "--older-than",
                    "PT0S",
                    "--db-url",
                    dbUrl,
                    "--data-dir",
                    dataDir.toString());

            assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
            assertThat(verify.out())
                    .contains("card-issuer: BROKEN: altered row: issuer_audit row 2 (seq 2)")
                    .doesNotContain("auth-service");
            assertThat(expire.exit()).isEqualTo(1);
            assertThat(expire.out()).contains("nothing was cut");
        } finally {
            databases.asOwnerBehindTheTriggers(
                    issuer, "issuer_audit", "UPDATE issuer_audit SET outcome = 'ACCEPTED' WHERE id = 2");
        }
        assertThat(run("verify", "--service", "card-issuer", "--db-url", dbUrl, "--data-dir", dataDir.toString())
                        .exit())
                .isZero();
    }

    @Test
    void expiresTheSegmentPastRetentionAsTheOwnerAndTheRestVerifiesFromItsCheckpoint() throws Exception {
        Run expire = run(
                "expire",
                "--service",
                "auth-service",
                "--older-than",
                "P1D",
                "--db-url",
                dbUrl,
                "--data-dir",
                dataDir.toString());
        Run verify = run("verify", "--service", "auth-service", "--db-url", dbUrl, "--data-dir", dataDir.toString());

        assertThat(expire.exit()).as(expire.out() + expire.err()).isZero();
        assertThat(expire.out())
                .contains("auth-service: cut at the checkpoint of seq 3")
                .contains("3 audit row(s)");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("auth-service: intact: links 4..5 from the checkpoint at seq 3");
    }

    @Test
    void cannotCheckWithoutTheDatabaseAndSaysSoWithExitTwo() throws IOException {
        Run run = run(
                "verify",
                "--db-url",
                "jdbc:postgresql://localhost:" + AuditedDatabases.freePort() + "/",
                "--data-dir",
                dataDir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot connect").contains("bin/run");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chainTables")
    void theRuntimeRoleCanOnlyReadAndAppendToTheChainTables(String service, String table) throws SQLException {
        AuditedServices.AuditedService audited = chain(service);
        try (Connection runtime = databases.connect(audited, false)) {
            assertThat(has(runtime, table, "SELECT")).isTrue();
            assertThat(has(runtime, table, "INSERT")).isTrue();
            for (String sql : List.of(
                    "UPDATE " + table + " SET seq = seq",
                    "DELETE FROM " + table,
                    "TRUNCATE " + table,
                    "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                    "DROP TRIGGER " + table + "_no_update_or_delete ON " + table,
                    "DROP FUNCTION audit_chain_append_only() CASCADE")) {
                runtime.setAutoCommit(false);
                try (Statement statement = runtime.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(sql))
                            .as(sql)
                            .isInstanceOfSatisfying(
                                    SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                } finally {
                    runtime.rollback();
                }
            }
        }
    }

    Stream<Arguments> chainTables() {
        List<Arguments> pairs = new ArrayList<>();
        for (AuditedServices.AuditedService service : AuditedServices.ALL) {
            for (String table : List.of("audit_chain_link", "audit_chain_checkpoint")) {
                pairs.add(Arguments.of(service.chain().name(), table));
            }
        }
        return pairs.stream();
    }

    private static boolean has(Connection connection, String table, String privilege) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT has_table_privilege('" + table + "', '" + privilege + "')")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCli.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
