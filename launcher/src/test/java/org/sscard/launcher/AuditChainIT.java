package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident audit chains of the running platform (the one ConsoleIT and PortalLoginIT share, with whatever
 * they did on it): {@code bin/sscard-audit verify} finds every chain intact, names an access-log row altered behind
 * its trigger as an attacker with the owner's password would, and finds the chain intact again once the row is put
 * back.
 */
class AuditChainIT {

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.shared();
    }

    @Test
    void theAuditChainsVerifyAndAnAlteredRowIsNamedUntilItIsPutBack() throws Exception {
        AuditRun intact = audit();
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("relay-db-service").contains("intact");

        String url = "jdbc:postgresql://localhost:" + (15432 + platform.portOffset()) + "/sscard_relay";
        ServiceRoles relay = ServiceRoles.of("sscard_relay", new DatabasePasswords(platform.dataDir()));
        try (java.sql.Connection owner =
                        java.sql.DriverManager.getConnection(url, relay.owner(), relay.ownerPassword());
                java.sql.Statement sql = owner.createStatement()) {
            long row;
            String purpose;
            try (java.sql.ResultSet linked = sql.executeQuery("""
                    SELECT a.id, a.purpose FROM audit_chain_link l JOIN access_log a ON a.id = l.row_id
                    WHERE l.audited_table = 'access_log' ORDER BY l.seq DESC LIMIT 1""")) {
                assertThat(linked.next()).as("a linked access-log row").isTrue();
                row = linked.getLong(1);
                purpose = linked.getString(2);
            }
            // as an attacker holding the owner's password would: the append-only trigger off, the change, back on
            ownerChange(owner, "UPDATE access_log SET purpose = 'nothing to see' WHERE id = " + row);
            AuditRun broken = audit();
            assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
            assertThat(broken.output()).contains("access_log").contains(Long.toString(row));

            try (java.sql.PreparedStatement restore =
                    owner.prepareStatement("UPDATE access_log SET purpose = ? WHERE id = ?")) {
                owner.setAutoCommit(false);
                sql.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
                restore.setString(1, purpose);
                restore.setLong(2, row);
                restore.executeUpdate();
                sql.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
                owner.commit();
                owner.setAutoCommit(true);
            }
        }
        AuditRun again = audit();
        assertThat(again.exit()).as(again.output()).isZero();
    }

    record AuditRun(int exit, String output) {}

    private static AuditRun audit() throws Exception {
        Path repo = Path.of(System.getProperty("sscard.repo.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Process process = new ProcessBuilder(
                        repo.resolve("bin/sscard-audit").toString(),
                        "verify",
                        "--db-url",
                        "jdbc:postgresql://localhost:" + (15432 + platform.portOffset()) + "/",
                        "--data-dir",
                        platform.dataDir().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new AuditRun(process.exitValue(), output);
    }

    private static void ownerChange(java.sql.Connection owner, String change) throws java.sql.SQLException {
        owner.setAutoCommit(false);
        try (java.sql.Statement sql = owner.createStatement()) {
            sql.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
            sql.execute(change);
            sql.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
        }
        owner.commit();
        owner.setAutoCommit(true);
    }
}
