package org.sscard.relay.linkage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the relay received from and sent to each insurer, for the insurer's administrator (table {@code linkage_log},
 * V32). Written in the transaction that applied or sent the event; subjects are the insurer's own local IDs.
 */
@Repository
public class LinkageLog {

    /** What became of a received event. */
    public enum Outcome {
        LINKED,
        IN_REVIEW,
        ALREADY_LINKED,
        ENDED_MAPPING,
        NO_MAPPING,
        DUPLICATE
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LinkageLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void received(long providerId, UUID eventId, String type, String subject, Outcome outcome) {
        insert(providerId, "RECEIVED", eventId, type, subject, outcome.name());
    }

    void sent(long providerId, UUID eventId, String type, String subject) {
        insert(providerId, "SENT", eventId, type, subject, null);
    }

    /** One page of the provider's log, newest first. */
    public List<Entry> page(long providerId, int page, int size) {
        return jdbc.sql("""
                        SELECT at, direction, type, subject, outcome FROM linkage_log WHERE provider_id = :provider
                        ORDER BY id DESC LIMIT :size OFFSET :offset""")
                .param("provider", providerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Entry(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public long count(long providerId) {
        return jdbc.sql("SELECT count(*) FROM linkage_log WHERE provider_id = :provider")
                .param("provider", providerId)
                .query(Long.class)
                .single();
    }

    private void insert(long providerId, String direction, UUID eventId, String type, String subject, String outcome) {
        jdbc.sql("""
                        INSERT INTO linkage_log (provider_id, at, direction, event_id, type, subject, outcome)
                        VALUES (:provider, :at, :direction, :event, :type, :subject, :outcome)""")
                .param("provider", providerId)
                .param("at", Timestamp.from(clock.instant()))
                .param("direction", direction)
                .param("event", eventId)
                .param("type", type)
                .param("subject", subject)
                .param("outcome", outcome)
                .update();
    }

    /** {@code outcome}: null for SENT. */
    public record Entry(Instant at, String direction, String type, String subject, String outcome) {}
}
