package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.common.db.AppendOnlyTablesCallback;

/**
 * A data directory of an earlier version (initdb's trust, no passwords, every table owned by the superuser the
 * services connected as) is brought to the state of a new one at the first start of this version.
 */
class EmbeddedDatabaseUpgradeTest {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String HOSPITAL = "sscard_hospital";

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryOfAnEarlierVersionGetsPasswordsAndItsTablesGoToTheOwnerRole() throws Exception {
        Path postgresData = dataDir.resolve("postgres");
        Files.createDirectories(postgresData);
        // as the launcher started it before: the library's defaults, everything as the superuser without a password
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .start()) {
            try (Connection admin = earlier.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + HOSPITAL);
            }
            migrate(earlier.getJdbcUrl("postgres", HOSPITAL), "postgres", "");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(
                postgresData,
                freePort(),
                dataDir.resolve("logs").resolve("postgres.log"),
                new DatabasePasswords(dataDir))) {
            database.prepareDatabases(List.of(HOSPITAL));
            ServiceRoles roles = database.rolesOf(HOSPITAL);

            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(HOSPITAL), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection admin =
                            DriverManager.getConnection(database.jdbcUrl(HOSPITAL), "postgres", database.password());
                    Statement statement = admin.createStatement();
                    ResultSet owners = statement.executeQuery("SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                            + " WHERE relnamespace = 'public'::regnamespace")) {
                assertThat(owners.next()).isTrue();
                assertThat(owners.getString(1)).isEqualTo(roles.owner());
                assertThat(owners.next()).as("one owner").isFalse();
            }
            // the service's next start: its Flyway, as the owner, finds its history and nothing to do
            assertThat(migrate(database.jdbcUrl(HOSPITAL), roles.owner(), roles.ownerPassword()))
                    .isZero();
            try (Connection runtime = DriverManager.getConnection(
                            database.jdbcUrl(HOSPITAL), roles.runtime(), roles.runtimePassword());
                    Statement statement = runtime.createStatement()) {
                statement.execute("INSERT INTO saml_assertion_seen (assertion_id, issuer, expires_at)"
                        + " VALUES ('upgrade-test', 'test', now())");
                statement.execute("INSERT INTO access_log (patient_number, actor, action, purpose, channel)"
                        + " VALUES ('P-1', 'test', 'READ', 'test', 'API')");
                assertThatThrownBy(() -> statement.execute("DROP TRIGGER access_log_no_change ON access_log"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> statement.execute("DELETE FROM access_log"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    private static int migrate(String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("filesystem:" + REPO_DIR.resolve("hospital-portal/src/main/resources/db/migration"))
                .callbacks(new AppendOnlyTablesCallback())
                .load()
                .migrate()
                .migrationsExecuted;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
