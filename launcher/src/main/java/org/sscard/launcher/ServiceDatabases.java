package org.sscard.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PasswordUtil;
import org.sscard.common.db.AppendOnlyTables;

/**
 * Prepares one service's database and its two roles ({@link ServiceRoles}) as the server's administrator. Idempotent:
 * run at every start, it also brings a database of an older version (everything owned by the administrator, every
 * service connecting as the superuser) to the same state as a new one.
 */
final class ServiceDatabases {

    /** Objects an older version created as the administrator become the owner role's. */
    private static final String HAND_OVER = """
            DO $$
            DECLARE
                owner_role text := %s;
                item record;
            BEGIN
                FOR item IN
                    SELECT n.nspname FROM pg_namespace n
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND n.nspowner <> owner_role::regrole
                LOOP
                    EXECUTE format('ALTER SCHEMA %%I OWNER TO %%I', item.nspname, owner_role);
                END LOOP;
                -- tables first: their serial and identity sequences follow them
                FOR item IN
                    SELECT c.oid::regclass AS relation, c.relkind FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> owner_role::regrole
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
                    ORDER BY c.relkind = 'S'
                LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %%I',
                        CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                        item.relation, owner_role);
                END LOOP;
                FOR item IN
                    SELECT p.oid::regprocedure AS routine FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND p.proowner <> owner_role::regrole
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                      AND d.objid = p.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', item.routine, owner_role);
                END LOOP;
            END $$""";

    /** What the runtime role may do on what exists already; later tables get it from the default privileges. */
    private static final String GRANT_EXISTING = """
            DO $$
            DECLARE
                runtime_role text := %s;
                item record;
            BEGIN
                FOR item IN
                    SELECT n.nspname FROM pg_namespace n
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                LOOP
                    EXECUTE format('GRANT USAGE ON SCHEMA %%I TO %%I', item.nspname, runtime_role);
                    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %%I TO %%I',
                        item.nspname, runtime_role);
                    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %%I TO %%I',
                        item.nspname, runtime_role);
                END LOOP;
            END $$""";

    private ServiceDatabases() {}

    /** On the server (connected to the administration database): the roles and the database itself. */
    static void prepareServer(Connection admin, ServiceRoles roles) throws SQLException {
        ensureLoginRole(admin, roles.owner(), roles.ownerPassword());
        ensureLoginRole(admin, roles.runtime(), roles.runtimePassword());
        String database = quote(roles.database());
        String currentOwner = ownerOfDatabase(admin, roles.database());
        try (Statement statement = admin.createStatement()) {
            if (currentOwner == null) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + quote(roles.owner()));
            } else if (!currentOwner.equals(roles.owner())) {
                statement.execute("ALTER DATABASE " + database + " OWNER TO " + quote(roles.owner()));
            }
            // no other service's role may even connect to it
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + quote(roles.runtime()));
        }
    }

    /** Inside the service's database (connected to it as the administrator), in one transaction. */
    static void prepareDatabase(Connection inDatabase, ServiceRoles roles) throws SQLException {
        String owner = quote(roles.owner());
        String runtime = quote(roles.runtime());
        inDatabase.setAutoCommit(false);
        try (Statement statement = inDatabase.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute(HAND_OVER.formatted(literal(roles.owner())));
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + runtime);
            statement.execute(
                    "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " GRANT USAGE ON SCHEMAS TO " + runtime);
            statement.execute(GRANT_EXISTING.formatted(literal(roles.runtime())));
            AppendOnlyTables.revokeChanges(inDatabase);
            inDatabase.commit();
        } catch (SQLException | RuntimeException e) {
            inDatabase.rollback();
            throw e;
        }
    }

    /**
     * Creates the role or brings it back to what it must be: allowed to log in, with the password from the data
     * directory, sent as a SCRAM verifier (the password itself never reaches the server or its log).
     */
    private static void ensureLoginRole(Connection admin, String role, String password) throws SQLException {
        String verifier = literal(PasswordUtil.encodeScramSha256(password.toCharArray()));
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet result = query.executeQuery()) {
                exists = result.next();
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + quote(role) + " LOGIN PASSWORD " + verifier);
        }
    }

    private static String ownerOfDatabase(Connection admin, String database) throws SQLException {
        try (PreparedStatement query =
                admin.prepareStatement("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** Names come from ServiceSpec, never from user input; quoting keeps them exact anyway. */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
