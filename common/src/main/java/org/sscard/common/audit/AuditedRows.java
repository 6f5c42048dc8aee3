package org.sscard.common.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of one audit table as the chain sees them: their hashes ({@link RowEncoding}) over the columns the
 * catalogue lists now. Read inside a transaction with {@link CanonicalText} applied.
 */
final class AuditedRows {

    /** One row's id and hash. */
    record HashedRow(long id, byte[] hash) {}

    private static final String NOT_LINKED =
            "NOT EXISTS (SELECT 1 FROM audit_chain_link l WHERE l.audited_table = ? AND l.row_id = t.id)";

    private final String table;
    private final String qualified;
    private final List<String> columns;
    private final String select;

    private AuditedRows(String table, String qualified, List<String> columns) {
        this.table = table;
        this.qualified = qualified;
        this.columns = columns;
        this.select = "SELECT t.id, "
                + columns.stream()
                        .map(column -> "t." + AuditedChain.quote(column) + "::text")
                        .collect(Collectors.joining(", "))
                + " FROM " + qualified + " t";
    }

    /** The table in the connection's current schema, its columns read from the catalogue now. */
    static AuditedRows of(Connection connection, String table) throws SQLException {
        String schema;
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT current_schema(), a.attname, a.atttypid = 'bigint'::regtype
                FROM pg_attribute a
                WHERE a.attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum""")) {
            query.setString(1, table);
            boolean bigintId = false;
            schema = null;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    schema = result.getString(1);
                    columns.add(result.getString(2));
                    bigintId |= result.getString(2).equals("id") && result.getBoolean(3);
                }
            }
            if (columns.isEmpty() || !bigintId) {
                throw new SQLException("audit table " + table + " is missing or has no bigint column id");
            }
        }
        return new AuditedRows(table, AuditedChain.quote(schema) + "." + AuditedChain.quote(table), columns);
    }

    String table() {
        return table;
    }

    /** Rows above {@code floor} that no link names yet, oldest id first, at most {@code limit}. */
    List<HashedRow> unlinkedAbove(Connection connection, long floor, int limit) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(select + " WHERE t.id > ? AND " + NOT_LINKED + " ORDER BY t.id LIMIT ?")) {
            query.setLong(1, floor);
            query.setString(2, table);
            query.setInt(3, limit);
            List<HashedRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new HashedRow(result.getLong(1), hash(result)));
                }
            }
            return rows;
        }
    }

    /** The hashes of the rows with these ids that exist. */
    Map<Long, byte[]> hashesOf(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, byte[]> hashes = new HashMap<>();
        if (ids.isEmpty()) {
            return hashes;
        }
        try (PreparedStatement query = connection.prepareStatement(select + " WHERE t.id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            query.setArray(1, array);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    hashes.put(result.getLong(1), hash(result));
                }
            }
        }
        return hashes;
    }

    /** The highest id any row of the table has, as this statement's snapshot sees it (0 for none). */
    long maxId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM " + qualified);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Rows not linked (yet): a late commit, or one inserted after the chain was rewritten. */
    long unlinkedCount(Connection connection) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT count(*) FROM " + qualified + " t WHERE " + NOT_LINKED)) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private byte[] hash(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(result.getString(i + 2));
        }
        return RowEncoding.hash(table, columns, values);
    }
}
