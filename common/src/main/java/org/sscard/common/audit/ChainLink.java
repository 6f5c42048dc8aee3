package org.sscard.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One row of {@code audit_chain_link}, and the table's reads and writes. */
record ChainLink(long seq, String table, long rowId, byte[] rowHash, byte[] prevHash, byte[] linkHash) {

    /** The newest link, if any. */
    static Optional<ChainLink> newest(Connection connection) throws SQLException {
        List<ChainLink> newest = read(connection, "ORDER BY seq DESC LIMIT 1");
        return newest.stream().findFirst();
    }

    static Optional<ChainLink> oldest(Connection connection) throws SQLException {
        return read(connection, "ORDER BY seq LIMIT 1").stream().findFirst();
    }

    static Optional<ChainLink> at(Connection connection, long seq) throws SQLException {
        return read(connection, "WHERE seq = " + seq).stream().findFirst();
    }

    /** Up to {@code limit} links after {@code seq}, in seq order. */
    static List<ChainLink> after(Connection connection, long seq, int limit) throws SQLException {
        return read(connection, "WHERE seq > " + seq + " ORDER BY seq LIMIT " + limit);
    }

    static void insert(Connection connection, List<ChainLink> links) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_chain_link (seq, audited_table, row_id, row_hash, prev_hash, link_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ChainLink link : links) {
                insert.setLong(1, link.seq());
                insert.setString(2, link.table());
                insert.setLong(3, link.rowId());
                insert.setBytes(4, link.rowHash());
                insert.setBytes(5, link.prevHash());
                insert.setBytes(6, link.linkHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<ChainLink> read(Connection connection, String rest) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, audited_table, row_id, row_hash, prev_hash, link_hash FROM audit_chain_link " + rest)) {
            return collect(query);
        }
    }

    private static List<ChainLink> collect(PreparedStatement query) throws SQLException {
        List<ChainLink> links = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                links.add(new ChainLink(
                        result.getLong(1),
                        result.getString(2),
                        result.getLong(3),
                        result.getBytes(4),
                        result.getBytes(5),
                        result.getBytes(6)));
            }
        }
        return links;
    }
}
