package org.sscard.common.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A signed head of the chain ({@code audit_chain_checkpoint}): the newest link's seq and link_hash when it was made,
 * signed with the service's audit key over {@link #payload}.
 */
public record Checkpoint(long seq, byte[] linkHash, Instant madeAt, String keyId, byte[] signature) {

    private static final String COLUMNS =
            "SELECT seq, link_hash, made_at, key_id, signature FROM audit_chain_checkpoint ";

    /**
     * What the signature covers: a version line, the chain's (service's) name, the seq, the link hash (hex) and the
     * time, so that neither another service's nor an older checkpoint can stand in for this one.
     */
    static byte[] payload(String chain, long seq, byte[] linkHash, Instant madeAt) {
        return ("sscard-audit-checkpoint-v1\n" + chain + "\n" + seq + "\n"
                        + HexFormat.of().formatHex(linkHash) + "\n" + madeAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] payload(String chain) {
        return payload(chain, seq, linkHash, madeAt);
    }

    static Optional<Checkpoint> newest(Connection connection) throws SQLException {
        return read(connection, "ORDER BY seq DESC LIMIT 1").stream().findFirst();
    }

    static Optional<Checkpoint> oldest(Connection connection) throws SQLException {
        return read(connection, "ORDER BY seq LIMIT 1").stream().findFirst();
    }

    static Optional<Checkpoint> at(Connection connection, long seq) throws SQLException {
        return read(connection, "WHERE seq = " + seq).stream().findFirst();
    }

    /** Checkpoints with from &lt; seq &lt;= to, in seq order. */
    static List<Checkpoint> between(Connection connection, long from, long to) throws SQLException {
        return read(connection, "WHERE seq > " + from + " AND seq <= " + to + " ORDER BY seq");
    }

    /** The newest checkpoint made before {@code time}, if any. */
    static Optional<Checkpoint> newestBefore(Connection connection, Instant time) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(COLUMNS + "WHERE made_at < ? ORDER BY seq DESC LIMIT 1")) {
            query.setObject(1, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
            return collect(query).stream().findFirst();
        }
    }

    void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_chain_checkpoint (seq, link_hash, made_at, key_id, signature) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setBytes(2, linkHash);
            insert.setObject(3, OffsetDateTime.ofInstant(madeAt, ZoneOffset.UTC));
            insert.setString(4, keyId);
            insert.setBytes(5, signature);
            insert.executeUpdate();
        }
    }

    private static List<Checkpoint> read(Connection connection, String rest) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COLUMNS + rest)) {
            return collect(query);
        }
    }

    private static List<Checkpoint> collect(PreparedStatement query) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                checkpoints.add(new Checkpoint(
                        result.getLong(1),
                        result.getBytes(2),
                        result.getObject(3, OffsetDateTime.class).toInstant(),
                        result.getString(4),
                        result.getBytes(5)));
            }
        }
        return checkpoints;
    }
}
