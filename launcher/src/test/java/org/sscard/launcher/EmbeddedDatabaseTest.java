package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sscard.common.db.AppendOnlyTablesCallback;

/**
 * The database {@code bin/run} starts (only the database: no service), started twice on one data directory as a
 * first run and a restart do, with every service's own migrations applied as its owner role, as the services do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseTest {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();

    /**
     * Each service database, its migrations (module, folder, schema or null) and its append-only audit tables: the
     * one checked for every refusal, and any others (which the runtime role may only read and append to as well).
     */
    private record ServiceDatabase(
            String name, String module, String folder, String schema, String auditTable, List<String> moreAuditTables) {

        ServiceDatabase(String name, String module, String folder, String schema, String auditTable) {
            this(name, module, folder, schema, auditTable, List.of());
        }

        List<String> auditTables() {
            List<String> all = new ArrayList<>(List.of(auditTable));
            all.addAll(moreAuditTables);
            return all;
        }

        @Override
        public String toString() {
            return name + (schema == null ? "" : "." + schema) + " " + auditTable;
        }
    }

    /** The tamper-evident audit chain's tables, append-only as well (AuditCliTest checks them). */
    private static final List<String> CHAIN_TABLES = List.of("audit_chain_link", "audit_chain_checkpoint");

    private static final List<String> DESK_AUDIT_TABLES =
            List.of("clerk_flag", "audit_chain_link", "audit_chain_checkpoint");

    private static final List<ServiceDatabase> SERVICES = List.of(
            new ServiceDatabase("sscard_relay", "relay-db-service", "db/migration", null, "access_log", CHAIN_TABLES),
            new ServiceDatabase("sscard_auth", "auth-service", "db/migration", null, "login_audit", CHAIN_TABLES),
            new ServiceDatabase("sscard_hospital", "hospital-portal", "db/migration", null, "access_log", CHAIN_TABLES),
            new ServiceDatabase(
                    "sscard_desk", "reception-desk", "db/migration", null, "check_record", DESK_AUDIT_TABLES),
            new ServiceDatabase("sscard_issuer", "card-issuer", "db/migration", null, "issuer_audit", CHAIN_TABLES),
            new ServiceDatabase(
                    "sscard_console", "operator-console", "db/migration", null, "admin_action", CHAIN_TABLES),
            new ServiceDatabase(
                    "sscard_providers",
                    "insurer-adapters",
                    "db/insurer",
                    "kamogawa_nhi",
                    "access_log",
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("write_audit"), CHAIN_TABLES.stream())
                            .toList()),
            new ServiceDatabase(
                    "sscard_providers",
                    "insurer-adapters",
                    "db/pension",
                    "pension_office",
                    "access_log",
                    CHAIN_TABLES));

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @TempDir
    static Path dataDir;

    private EmbeddedDatabase database;

    @BeforeAll
    void startTwiceAndMigrateEveryServiceAsItsOwner() throws IOException {
        List<String> databases =
                SERVICES.stream().map(ServiceDatabase::name).distinct().toList();
        // the first run: initdb, passwords, roles
        try (EmbeddedDatabase first = start()) {
            first.prepareDatabases(databases);
        }
        // every later run
        database = start();
        database.prepareDatabases(databases);
        for (ServiceDatabase service : SERVICES) {
            ServiceRoles roles = database.rolesOf(service.name());
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(database.jdbcUrl(service.name()), roles.owner(), roles.ownerPassword())
                    .locations("filesystem:"
                            + REPO_DIR.resolve(service.module())
                                    .resolve("src/main/resources")
                                    .resolve(service.folder()))
                    .callbacks(new AppendOnlyTablesCallback());
            if (service.schema() != null) {
                flyway.schemas(service.schema()).defaultSchema(service.schema()).createSchemas(true);
            }
            assertThat(flyway.load().migrate().migrationsExecuted)
                    .as(service.toString())
                    .isPositive();
        }
    }

    private EmbeddedDatabase start() throws IOException {
        return EmbeddedDatabase.start(
                dataDir.resolve("postgres"),
                freePort(),
                dataDir.resolve("logs").resolve("postgres.log"),
                new DatabasePasswords(dataDir));
    }

    @AfterAll
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void writesDurablyWithFsyncFullPageWritesAndSynchronousCommitOn() throws SQLException {
        try (Connection connection = asSuperuser("postgres")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void refusesAConnectionWithoutTheRightPassword() throws SQLException {
        String url = database.jdbcUrl("postgres");
        ServiceRoles relay = database.rolesOf("sscard_relay");

        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("sscard_relay"), relay.runtime(), "")
                        .close())
                .isInstanceOf(SQLException.class);
        // the same server, with the password: so the refusals above were about the password
        try (Connection withPassword = asSuperuser("postgres")) {
            assertThat(show(withPassword, "password_encryption")).isEqualTo("scram-sha-256");
        }
        try (Connection relayWithPassword = DriverManager.getConnection(
                database.jdbcUrl("sscard_relay"), relay.runtime(), relay.runtimePassword())) {
            assertThat(relayWithPassword.isValid(5)).isTrue();
        }
    }

    @Test
    void aServiceRoleCannotConnectToAnotherServicesDatabase() {
        ServiceRoles auth = database.rolesOf("sscard_auth");

        assertThatThrownBy(() -> DriverManager.getConnection(
                                database.jdbcUrl("sscard_relay"), auth.runtime(), auth.runtimePassword())
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void keepsThePasswordsInOwnerOnlyFilesAndOutOfTheServerLog() throws IOException {
        Path secrets = dataDir.resolve("secrets").resolve("database");
        List<Path> files;
        try (Stream<Path> listed = Files.list(secrets)) {
            files = listed.toList();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rwx------");
        assertThat(files).hasSize(1 + 2 * 7); // the superuser, and an owner and a runtime role per database
        String log = Files.readString(dataDir.resolve("logs").resolve("postgres.log"));
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-------");
            assertThat(log).doesNotContain(Files.readString(file).trim());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theRuntimeRoleCanOnlyAppendToTheAuditTableAndNeitherDropNorDisableItsTriggers(ServiceDatabase service)
            throws SQLException {
        String table = (service.schema() == null ? "public" : service.schema()) + "." + service.auditTable();
        List<String> triggers = new ArrayList<>();
        try (Connection admin = asSuperuser(service.name());
                Statement statement = admin.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = '"
                                + table + "'::regclass")) {
            while (result.next()) {
                triggers.add(result.getString(1));
            }
        }
        assertThat(triggers).as("append-only triggers on " + table).isNotEmpty();

        try (Connection runtime = asRuntime(service.name())) {
            assertThat(privileges(runtime, table)).containsExactly("SELECT", "INSERT");
            for (String trigger : triggers) {
                assertRefused(runtime, "DROP TRIGGER " + trigger + " ON " + table);
            }
            assertRefused(runtime, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            assertRefused(runtime, "ALTER TABLE " + table + " OWNER TO CURRENT_USER");
            assertRefused(runtime, "DROP TABLE " + table);
            assertRefused(runtime, "DELETE FROM " + table);
            assertRefused(runtime, "UPDATE " + table + " SET at = at");
            assertRefused(runtime, "TRUNCATE " + table);
            // replica mode would skip the triggers: a superuser's setting
            assertRefused(runtime, "SET session_replication_role = replica");
            assertRefused(runtime, "CREATE TABLE " + table + "_copy (id bigint)");
            String history = (service.schema() == null ? "public" : service.schema()) + ".flyway_schema_history";
            assertThat(privileges(runtime, history)).as(history).containsExactly("SELECT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesWithOtherTables")
    void theRuntimeRoleReadsAndWritesTheRowsOfEveryOtherTable(ServiceDatabase service) throws SQLException {
        String schema = service.schema() == null ? "public" : service.schema();
        List<String> tables = new ArrayList<>();
        try (Connection runtime = asRuntime(service.name());
                Statement statement = runtime.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT quote_ident(table_name) FROM information_schema.tables"
                                + " WHERE table_schema = '" + schema + "' AND table_type = 'BASE TABLE'"
                                + " AND table_name NOT IN ('" + String.join("', '", service.auditTables())
                                + "', 'flyway_schema_history')")) {
            while (result.next()) {
                tables.add(schema + "." + result.getString(1));
            }
            assertThat(tables).as(schema).isNotEmpty();
            for (String table : tables) {
                assertThat(privileges(runtime, table))
                        .as(table)
                        .containsExactly("SELECT", "INSERT", "UPDATE", "DELETE");
                try (Statement read = runtime.createStatement()) {
                    read.executeQuery("SELECT count(*) FROM " + table).close(); // the schema is usable, too
                }
            }
        }
    }

    private Stream<ServiceDatabase> services() {
        return SERVICES.stream();
    }

    /** The console keeps nothing but its audit (admin_action and its chain): everything else is the back ends'. */
    private Stream<ServiceDatabase> servicesWithOtherTables() {
        return SERVICES.stream().filter(service -> !service.name().equals("sscard_console"));
    }

    private static List<String> privileges(Connection connection, String table) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER")) {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT has_table_privilege('" + table + "', '" + privilege + "')")) {
                result.next();
                if (result.getBoolean(1)) {
                    held.add(privilege);
                }
            }
        }
        return held;
    }

    private static void assertRefused(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .as(sql)
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        } finally {
            connection.rollback();
        }
    }

    private Connection asSuperuser(String databaseName) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(databaseName), database.user(), database.password());
    }

    private Connection asRuntime(String databaseName) throws SQLException {
        ServiceRoles roles = database.rolesOf(databaseName);
        return DriverManager.getConnection(database.jdbcUrl(databaseName), roles.runtime(), roles.runtimePassword());
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
