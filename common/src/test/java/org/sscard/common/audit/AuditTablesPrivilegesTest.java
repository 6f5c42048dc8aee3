package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the service's runtime role may do to an audit table and to the chain's own tables: read and append. */
class AuditTablesPrivilegesTest {

    static AuditDatabase database;

    @BeforeAll
    static void database() throws Exception {
        database = AuditDatabase.create();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample_audit", "audit_chain_link", "audit_chain_checkpoint"})
    void theRuntimeRoleCanOnlyReadAndAppendAndNeitherDisableNorDropTheTriggers(String table) throws SQLException {
        try (Connection runtime = database.asRuntime()) {
            assertThat(privileges(runtime, table)).containsExactly("SELECT", "INSERT");
            assertRefused(runtime, "UPDATE " + table + " SET seq = seq".replace("seq", column(table)));
            assertRefused(runtime, "DELETE FROM " + table);
            assertRefused(runtime, "TRUNCATE " + table);
            assertRefused(runtime, "ALTER TABLE " + table + " DISABLE TRIGGER USER");
            assertRefused(runtime, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            for (String trigger : triggers(runtime, table)) {
                assertRefused(runtime, "DROP TRIGGER " + trigger + " ON " + table);
            }
            assertRefused(runtime, "SET session_replication_role = replica");
            assertRefused(runtime, "DROP FUNCTION audit_chain_append_only() CASCADE");
        }
    }

    private static String column(String table) {
        return table.equals("sample_audit") ? "note" : "seq";
    }

    private static List<String> triggers(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = '"
                                + table + "'::regclass")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        assertThat(names).as("triggers on " + table).hasSize(2);
        return names;
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
                            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
        } finally {
            connection.rollback();
        }
    }
}
