package org.sscard.common.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sscard.common.db.AppendOnlyTables;
import org.sscard.testsupport.TestPostgres;

/**
 * A fresh database set up as the launcher sets up a service's: an owner role that owns the schema and runs the
 * migration (audited-schema.sql: two audit tables and the service's V30__audit_chain.sql for them), and a runtime
 * role that may read and write rows by default privileges, with UPDATE, DELETE and TRUNCATE revoked on the
 * append-only tables as after every migration.
 */
final class AuditDatabase {

    static final AuditedChain CHAIN = new AuditedChain("test-service", List.of("sample_audit", "other_audit"));

    final String url;
    final String owner;
    final String runtime;

    private AuditDatabase(String url, String owner, String runtime) {
        this.url = url;
        this.owner = owner;
        this.runtime = runtime;
    }

    static AuditDatabase create() throws SQLException, IOException {
        String url = TestPostgres.createDatabase("audit");
        String database = url.substring(url.lastIndexOf('/') + 1);
        AuditDatabase created = new AuditDatabase(url, database + "_owner", database + "_app");
        try (Connection admin = DriverManager.getConnection(url, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + created.owner + " LOGIN");
            statement.execute("CREATE ROLE " + created.runtime + " LOGIN");
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + created.owner);
            statement.execute("ALTER SCHEMA public OWNER TO " + created.owner);
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute("GRANT USAGE ON SCHEMA public TO " + created.runtime);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + created.owner
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + created.runtime);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + created.owner
                    + " GRANT USAGE, SELECT ON SEQUENCES TO " + created.runtime);
        }
        String schema;
        try (InputStream in = AuditDatabase.class.getResourceAsStream("audited-schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection asOwner = created.asOwner();
                Statement statement = asOwner.createStatement()) {
            statement.execute(schema);
            AppendOnlyTables.revokeChanges(asOwner);
        }
        return created;
    }

    Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url, owner, "");
    }

    Connection asRuntime() throws SQLException {
        return DriverManager.getConnection(url, runtime, "");
    }

    /** What the service connects as. */
    DataSource runtimeDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(runtime);
        return dataSource;
    }

    /** An audit row written as the service writes one (runtime role, own transaction); returns its id. */
    long insert(String actor, String action, String note) throws SQLException {
        try (Connection connection = asRuntime();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "INSERT INTO sample_audit (actor, action, note) VALUES ('" + actor + "', '" + action + "', "
                                + (note == null ? "NULL" : "'" + note + "'") + ") RETURNING id")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** As an attacker with the owner's rights would: the append-only triggers off, the statements, back on. */
    void tamper(String table, String... statements) throws SQLException {
        try (Connection connection = asOwner();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            connection.commit();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = asOwner();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Recomputes every link over the rows as they are now, as an attacker without the audit key could. */
    void rehashEveryLinkAsAnAttackerWithoutTheKeyWould() throws Exception {
        List<ChainLink> links;
        try (Connection connection = asOwner()) {
            connection.setAutoCommit(false);
            CanonicalText.apply(connection);
            AuditedRows rows = AuditedRows.of(connection, "sample_audit");
            links = ChainLink.after(connection, 0, 100);
            byte[] previous = Sha256.GENESIS;
            StringBuilder sql = new StringBuilder();
            for (ChainLink link : links) {
                byte[] rowHash =
                        rows.hashesOf(connection, List.of(link.rowId())).get(link.rowId());
                byte[] linkHash = Sha256.link(previous, rowHash, link.seq());
                sql.append("UPDATE audit_chain_link SET row_hash = '\\x")
                        .append(HexFormat.of().formatHex(rowHash))
                        .append("', prev_hash = '\\x")
                        .append(HexFormat.of().formatHex(previous))
                        .append("', link_hash = '\\x")
                        .append(HexFormat.of().formatHex(linkHash))
                        .append("' WHERE seq = ")
                        .append(link.seq())
                        .append(";");
                previous = linkHash;
            }
            connection.rollback();
            tamper("audit_chain_link", sql.toString());
        }
    }
}
