package org.sscard.common.linkage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transactional outbox: {@link #append} writes an event in the caller's transaction (it commits with the change
 * or not at all), {@link #after} reads what a consumer has not seen, in position order.
 *
 * <p>Why a lock: positions come from an identity sequence in the order transactions ask for them, not in the order
 * they commit. A reader that took position 7 while position 6 was still uncommitted would move its cursor past 6 for
 * ever. A horizon on transaction IDs ({@code pg_snapshot_xmin}) does not close that gap: a transaction that got its ID
 * earlier can take position 7 after a younger one took 6, commit first, and look finished while 6 is still open. So
 * {@link #append} takes a transaction-level advisory lock on the table before it takes a position, and holds it until
 * the transaction ends: positions are taken and become visible in commit order, and a reader never sees a position
 * while a lower one may still commit. The price: appends to one outbox are serial from a transaction's first append
 * to its commit (keep such transactions short; a CSV import holds the lock until it commits). Write rows only
 * through {@link #append}, or, for a writer that inserts a set of rows with its own {@code INSERT … SELECT}, after
 * {@link #lockForAppend} in the same transaction. The {@code tx} column only records which transaction wrote a
 * row.
 *
 * <p>The table (one per publishing database or schema; {@code consumer} names who may read the row):
 *
 * <pre>
 * CREATE TABLE linkage_outbox (
 *     position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
 *     event_id    uuid        NOT NULL UNIQUE,
 *     consumer    text        NOT NULL,
 *     type        text        NOT NULL,
 *     subject     text        NOT NULL,
 *     payload     jsonb       NOT NULL,
 *     occurred_at timestamptz NOT NULL,
 *     tx          xid8        NOT NULL DEFAULT pg_current_xact_id());
 * CREATE INDEX linkage_outbox_consumer ON linkage_outbox (consumer, position);
 * </pre>
 */
public final class Outbox {

    /** The most events one read returns, whatever the caller asks for. */
    public static final int MAX_BATCH = 500;

    /**
     * The advisory lock's first key ("LNKO"); the second is the table's OID (shifted into int's range), so each outbox
     * has its own lock.
     */
    static final int LOCK_SPACE = 0x4C4E_4B4F;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String table;
    private final Clock clock;

    /** {@code table}: the outbox table, schema-qualified where needed (a trusted name from configuration). */
    public Outbox(JdbcTemplate jdbc, String table, Clock clock) {
        if (!table.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Writes one event for one consumer in the current transaction; returns its ID. The lock and the insert are one
     * statement, so the lock is taken before the position even when the caller forgot its transaction.
     */
    public UUID append(String consumer, String type, String subject, JsonNode payload) {
        UUID eventId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO " + table + " (event_id, consumer, type, subject, payload, occurred_at)"
                        + " SELECT ?::uuid, ?, ?, ?, ?::jsonb, ?::timestamptz"
                        + " FROM (SELECT " + lock() + ") AS in_commit_order",
                eventId,
                consumer,
                type,
                subject,
                text(payload),
                Timestamp.from(clock.instant()));
        return eventId;
    }

    /**
     * Takes the lock {@link #append} takes, until the current transaction ends: call it in the transaction, right
     * before a statement that inserts rows into this outbox itself (set-based), so that those rows take their
     * positions in commit order too. Without a transaction the lock ends at once and protects nothing.
     */
    public void lockForAppend() {
        jdbc.queryForObject("SELECT " + lock() + "::text", String.class);
    }

    /** The call of the advisory lock of this table (keys: {@link #LOCK_SPACE} and the table's OID). */
    private String lock() {
        return "pg_advisory_xact_lock(" + LOCK_SPACE + ", ('" + table + "'::regclass::oid::bigint - 2147483648)::int)";
    }

    /**
     * The consumer's committed events after {@code position}, oldest first, at most {@code limit} (and
     * {@link #MAX_BATCH}). No event below the last one returned can commit later (see the class comment).
     */
    public List<LinkageEvent> after(String consumer, long position, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_BATCH));
        return jdbc.query(
                "SELECT position, event_id, type, subject, occurred_at, payload::text FROM " + table
                        + " WHERE consumer = ? AND position > ? ORDER BY position LIMIT ?",
                Outbox::event,
                consumer,
                position,
                bounded);
    }

    private static LinkageEvent event(ResultSet row, int index) throws SQLException {
        try {
            return new LinkageEvent(
                    row.getObject("event_id", UUID.class),
                    row.getLong("position"),
                    row.getString("type"),
                    row.getString("subject"),
                    row.getTimestamp("occurred_at").toInstant(),
                    JSON.readTree(row.getString("payload")));
        } catch (JsonProcessingException e) {
            throw new SQLException("outbox payload is not JSON at position " + row.getLong("position"), e);
        }
    }

    private static String text(JsonNode payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON", e);
        }
    }
}
