package org.sscard.common.linkage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A consumer's memory of what it has applied: the IDs of the events (so an event delivered twice is applied once)
 * and, for a pulled feed, the cursor. Both are written in the caller's transaction, the one that applies the event's
 * effect: the effect, the ID and the cursor commit together or not at all.
 *
 * <p>The tables (one pair per consuming database or schema; {@code source} names the feed):
 *
 * <pre>
 * CREATE TABLE linkage_inbox (
 *     source      text        NOT NULL,
 *     event_id    uuid        NOT NULL,
 *     position    bigint      NOT NULL,
 *     type        text        NOT NULL,
 *     received_at timestamptz NOT NULL,
 *     PRIMARY KEY (source, event_id));
 * CREATE TABLE linkage_cursor (
 *     source     text        PRIMARY KEY,
 *     position   bigint      NOT NULL,
 *     updated_at timestamptz NOT NULL);
 * </pre>
 */
public final class Inbox {

    private final JdbcTemplate jdbc;
    private final String inboxTable;
    private final String cursorTable;
    private final Clock clock;

    /** Table names as for {@link Outbox}: trusted names from configuration, schema-qualified where needed. */
    public Inbox(JdbcTemplate jdbc, String inboxTable, String cursorTable, Clock clock) {
        for (String table : new String[] {inboxTable, cursorTable}) {
            if (!table.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        this.jdbc = jdbc;
        this.inboxTable = inboxTable;
        this.cursorTable = cursorTable;
        this.clock = clock;
    }

    /** True the first time this event arrives from this source; false (and nothing written) every later time. */
    public boolean firstDelivery(String source, LinkageEvent event) {
        return jdbc.update(
                        "INSERT INTO " + inboxTable
                                + " (source, event_id, position, type, received_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (source, event_id) DO NOTHING",
                        source,
                        event.eventId(),
                        event.position(),
                        event.type(),
                        Timestamp.from(clock.instant()))
                == 1;
    }

    /** Whether an event with this ID has been applied from this source. */
    public boolean seen(String source, UUID eventId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM " + inboxTable + " WHERE source = ? AND event_id = ?",
                Integer.class,
                source,
                eventId);
        return count != null && count > 0;
    }

    /** The last position applied from this source (0 before the first). */
    public long position(String source) {
        Long position = jdbc.query(
                "SELECT position FROM " + cursorTable + " WHERE source = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L,
                source);
        return position == null ? 0 : position;
    }

    /**
     * The cursor's position, its row locked until the current transaction ends (made at 0 the first time): a second
     * poller of the same source waits here, then finds the position the first one left.
     */
    public long lockPosition(String source) {
        jdbc.update(
                "INSERT INTO " + cursorTable + " (source, position, updated_at) VALUES (?, 0, ?)"
                        + " ON CONFLICT (source) DO NOTHING",
                source,
                Timestamp.from(clock.instant()));
        Long position = jdbc.queryForObject(
                "SELECT position FROM " + cursorTable + " WHERE source = ? FOR UPDATE", Long.class, source);
        return position == null ? 0 : position;
    }

    /**
     * Whether this inbox's statements join the current Spring-managed transaction (its data source's connection is
     * bound to it), the same look-up its {@link JdbcTemplate} makes.
     */
    boolean joinsCurrentTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && jdbc.getDataSource() != null
                && TransactionSynchronizationManager.hasResource(jdbc.getDataSource());
    }

    /** Moves the cursor forward (never back) in the current transaction. */
    public void advance(String source, long position) {
        jdbc.update(
                "INSERT INTO " + cursorTable + " (source, position, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (source) DO UPDATE SET position = greatest(" + cursorTable
                        + ".position, excluded.position), updated_at = excluded.updated_at",
                source,
                position,
                Timestamp.from(clock.instant()));
    }
}
