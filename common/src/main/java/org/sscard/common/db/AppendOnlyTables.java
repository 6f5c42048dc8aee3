package org.sscard.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Audit tables are append-only: a trigger whose function's name contains {@code append_only} refuses every UPDATE
 * and DELETE (and TRUNCATE) on them, even for their owner. A service's runtime role does not own them, so it can
 * neither drop nor disable that trigger; and it holds no UPDATE, DELETE or TRUNCATE privilege on them either, which
 * {@link #revokeChanges} makes sure of after every migration (default privileges grant a new table's DML to the
 * runtime role, audit tables included). Plain JDBC, so that the launcher can run it too.
 */
public final class AppendOnlyTables {

    /**
     * Revokes UPDATE, DELETE and TRUNCATE on every append-only table of the database from every role but its owner
     * (and from PUBLIC), and everything but SELECT on Flyway's history tables. Run by the owner, who made the grants
     * (directly or by default privileges).
     */
    static final String REVOKE_CHANGES = """
            DO $$
            DECLARE
                target record;
            BEGIN
                FOR target IN
                    SELECT DISTINCT c.oid::regclass AS relation, acl.grantee
                    FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid
                    JOIN pg_proc p ON p.oid = t.tgfoid
                    CROSS JOIN LATERAL aclexplode(c.relacl) acl
                    WHERE NOT t.tgisinternal
                      AND p.proname LIKE '%append\\_only%'
                      AND acl.grantee <> c.relowner
                      AND acl.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
                LOOP
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE %s FROM %s', target.relation,
                        CASE WHEN target.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(target.grantee)) END);
                END LOOP;
                -- Flyway's history is the owner's to write: a runtime role that could edit it could make the next
                -- start re-run or skip migrations
                FOR target IN
                    SELECT DISTINCT c.oid::regclass AS relation, acl.grantee
                    FROM pg_class c
                    CROSS JOIN LATERAL aclexplode(c.relacl) acl
                    WHERE c.relname = 'flyway_schema_history' AND c.relkind IN ('r', 'p')
                      AND acl.grantee <> c.relowner
                      AND acl.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
                LOOP
                    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE %s FROM %s', target.relation,
                        CASE WHEN target.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(target.grantee)) END);
                END LOOP;
            END $$""";

    private AppendOnlyTables() {}

    /** See {@link #REVOKE_CHANGES}; idempotent. */
    public static void revokeChanges(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(REVOKE_CHANGES);
        }
    }
}
