package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;
import org.sscard.common.audit.AuditChainer;
import org.sscard.common.audit.AuditCheckpointer;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.db.AppendOnlyTablesCallback;
import org.sscard.testsupport.MovableClock;

/**
 * The database bin/run starts, with every chained service's own migrations applied as their owner roles (the insurer
 * adapters' in each provider's schema) and the services' audit keys in the data directory as the services make them;
 * and what AuditCliTest does to it: rows written as a service's runtime role and linked and signed as its chainer
 * would, or changed as an attacker with the owner's password would.
 */
final class AuditedDatabases implements AutoCloseable {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();

    private final EmbeddedDatabase database;
    private final Path dataDir;
    private final String serverUrl;

    private AuditedDatabases(EmbeddedDatabase database, Path dataDir, String serverUrl) {
        this.database = database;
        this.dataDir = dataDir;
        this.serverUrl = serverUrl;
    }

    static AuditedDatabases start(Path dataDir) throws Exception {
        int port = freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(
                dataDir.resolve("postgres"),
                port,
                dataDir.resolve("logs/postgres.log"),
                new DatabasePasswords(dataDir));
        database.prepareDatabases(AuditedServices.ALL.stream()
                .map(AuditedServices.AuditedService::database)
                .distinct()
                .toList());
        for (AuditedServices.AuditedService service : AuditedServices.ALL) {
            ServiceRoles roles = database.rolesOf(service.database());
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(database.jdbcUrl(service.database()), roles.owner(), roles.ownerPassword())
                    .locations("filesystem:"
                            + REPO_DIR.resolve(service.spec().module())
                                    .resolve("src/main/resources")
                                    .resolve(migrationsOf(service)))
                    .callbacks(new AppendOnlyTablesCallback());
            if (service.schema() != null) {
                flyway.schemas(service.schema()).defaultSchema(service.schema()).createSchemas(true);
            }
            flyway.load().migrate();
            AuditKey.loadOrCreate(AuditKey.directoryOf(dataDir, service.chain().name()));
        }
        return new AuditedDatabases(database, dataDir, "jdbc:postgresql://localhost:" + port + "/");
    }

    /** What bin/sscard-audit's --db-url names. */
    String serverUrl() {
        return serverUrl;
    }

    /** The one chain of that name. */
    static AuditedServices.AuditedService chain(String name) {
        List<AuditedServices.AuditedService> named = AuditedServices.byName(name);
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    /** Where the service's migrations are: the insurer adapters' by the provider's kind. */
    private static String migrationsOf(AuditedServices.AuditedService service) {
        if (service.schema() == null) {
            return "db/migration";
        }
        return service.schema().equals("pension_office") ? "db/pension" : "db/insurer";
    }

    /** As the service's runtime role or the database's owner, in the chain's schema. */
    Connection connect(AuditedServices.AuditedService service, boolean asOwner) throws SQLException {
        ServiceRoles roles = database.rolesOf(service.database());
        Connection connection = asOwner
                ? DriverManager.getConnection(
                        database.jdbcUrl(service.database()), roles.owner(), roles.ownerPassword())
                : DriverManager.getConnection(
                        database.jdbcUrl(service.database()), roles.runtime(), roles.runtimePassword());
        if (service.schema() != null) {
            connection.setSchema(service.schema());
        }
        return connection;
    }

    void asRuntime(AuditedServices.AuditedService service, String sql) throws SQLException {
        try (Connection connection = connect(service, false);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Links what is waiting and signs the head as of {@code at}, as the service's chainer would. */
    void linkAndSign(AuditedServices.AuditedService service, Instant at) throws Exception {
        PGSimpleDataSource runtime = new PGSimpleDataSource();
        ServiceRoles roles = database.rolesOf(service.database());
        runtime.setUrl(database.jdbcUrl(service.database()));
        runtime.setUser(roles.runtime());
        runtime.setPassword(roles.runtimePassword());
        if (service.schema() != null) {
            runtime.setCurrentSchema(service.schema());
        }
        new AuditChainer(runtime, service.chain()).linkPending();
        new AuditCheckpointer(
                        runtime,
                        service.chain(),
                        AuditKey.loadOrCreate(
                                AuditKey.directoryOf(dataDir, service.chain().name())),
                        new MovableClock(at))
                .checkpoint()
                .orElseThrow();
    }

    /** As an attacker with the owner's password would: the append-only triggers off, the change, back on. */
    void asOwnerBehindTheTriggers(AuditedServices.AuditedService service, String table, String sql)
            throws SQLException {
        try (Connection connection = connect(service, true);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            statement.execute(sql);
            statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            connection.commit();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
