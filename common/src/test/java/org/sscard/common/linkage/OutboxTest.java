package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class OutboxTest {

    private final LinkageTables tables = LinkageTables.create();

    @Test
    void holdsBackLaterCommitsWhileAnEarlierPositionIsStillOpen() throws Exception {
        try (Connection slow = DriverManager.getConnection(tables.url, "postgres", "")) {
            slow.setAutoCommit(false);
            // takes position 1 and keeps its transaction open
            outboxOn(slow).append("relay", "LEAVER", "a", payload("lostOn", "2026-11-30"));
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> tables.transaction.executeWithoutResult(
                    status -> tables.outbox.append("relay", "JOINER", "b", payload("acquiredOn", "2026-12-01"))));
            awaitDoneOrWaitingForALock(later);

            assertThat(tables.outbox.after("relay", 0, 10))
                    .as("a later event may not be read while position 1 may still commit: a cursor past it would"
                            + " lose it")
                    .isEmpty();

            slow.commit();
            later.get();
        }
        List<LinkageEvent> events = tables.outbox.after("relay", 0, 10);
        assertThat(events).extracting(LinkageEvent::type).containsExactly("LEAVER", "JOINER");
        assertThat(events).extracting(LinkageEvent::position).containsExactly(1L, 2L);
    }

    @Test
    void aTransactionThatBeganEarlierCannotSlipInBehindAPositionStillOpen() throws Exception {
        try (Connection early = DriverManager.getConnection(tables.url, "postgres", "");
                Connection open = DriverManager.getConnection(tables.url, "postgres", "")) {
            early.setAutoCommit(false);
            open.setAutoCommit(false);
            try (Statement statement = early.createStatement()) {
                // the older transaction ID: a horizon on transaction IDs alone would count this one as finished
                statement.execute("SELECT pg_current_xact_id()");
            }
            outboxOn(open).append("relay", "LEAVER", "first", payload("lostOn", "2026-11-30"));
            CompletableFuture<Void> earlyCommits = CompletableFuture.runAsync(() -> {
                try {
                    outboxOn(early).append("relay", "JOINER", "second", payload("acquiredOn", "2026-12-01"));
                    early.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitDoneOrWaitingForALock(earlyCommits);

            assertThat(tables.outbox.after("relay", 0, 10))
                    .as("the open transaction's event may still commit ahead of anything read now")
                    .isEmpty();

            open.commit();
            earlyCommits.get();
        }
        assertThat(tables.outbox.after("relay", 0, 10))
                .extracting(LinkageEvent::subject)
                .containsExactly("first", "second");
    }

    @Test
    void aSetBasedWriterThatTakesTheAppendLockFirstWaitsForAPositionStillOpen() throws Exception {
        try (Connection open = DriverManager.getConnection(tables.url, "postgres", "")) {
            open.setAutoCommit(false);
            outboxOn(open).append("relay", "LEAVER", "first", payload("lostOn", "2026-11-30"));
            // as insurer-adapters' MemberEvents writes a set of rows with its own INSERT … SELECT
            CompletableFuture<Void> setBased =
                    CompletableFuture.runAsync(() -> tables.transaction.executeWithoutResult(status -> {
                        tables.outbox.lockForAppend();
                        tables.jdbc.update("INSERT INTO linkage_outbox (event_id, consumer, type, subject, payload,"
                                + " occurred_at) SELECT gen_random_uuid(), 'relay', 'JOINER', 'second', '{}', now()");
                    }));
            awaitDoneOrWaitingForALock(setBased);

            assertThat(tables.outbox.after("relay", 0, 10))
                    .as("the set-based writer may not take and commit a later position while position 1 is open")
                    .isEmpty();

            open.commit();
            setBased.get();
        }
        assertThat(tables.outbox.after("relay", 0, 10))
                .extracting(LinkageEvent::subject)
                .containsExactly("first", "second");
    }

    @Test
    void eachOutboxWaitsOnlyForItsOwnWriters() throws Exception {
        // as insurer-adapters keeps one outbox per insurer's schema
        tables.jdbc.execute(
                "CREATE SCHEMA kameda; CREATE TABLE kameda.linkage_outbox (LIKE linkage_outbox INCLUDING ALL)");
        Outbox kameda = new Outbox(tables.jdbc, "kameda.linkage_outbox", Clock.systemUTC());
        try (Connection open = DriverManager.getConnection(tables.url, "postgres", "")) {
            open.setAutoCommit(false);
            outboxOn(open).append("relay", "LEAVER", "kamogawa", payload("lostOn", "2026-11-30"));

            CompletableFuture.runAsync(() -> tables.transaction.executeWithoutResult(
                            status -> kameda.append("relay", "JOINER", "kameda", payload("acquiredOn", "2026-12-01"))))
                    .get(10, TimeUnit.SECONDS);

            assertThat(kameda.after("relay", 0, 10))
                    .extracting(LinkageEvent::subject)
                    .containsExactly("kameda");
            open.rollback();
        }
    }

    @Test
    void givesEachConsumerOnlyItsOwnEventsInPositionOrder() {
        tables.transaction.executeWithoutResult(status -> {
            tables.outbox.append("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", "m1", payload("lostOn", "2026-11-30"));
            tables.outbox.append("kameda-kenpo", "OTHER", "m2", payload("x", "y"));
            tables.outbox.append("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", "m3", payload("lostOn", "2026-12-31"));
        });

        List<LinkageEvent> events = tables.outbox.after("kamogawa-nhi", 0, 10);

        assertThat(events).extracting(LinkageEvent::subject).containsExactly("m1", "m3");
        assertThat(events.get(1).payload().get("lostOn").asText()).isEqualTo("2026-12-31");
        assertThat(tables.outbox.after("kamogawa-nhi", events.get(0).position(), 10))
                .extracting(LinkageEvent::subject)
                .containsExactly("m3");
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        tables.transaction.executeWithoutResult(status -> {
            tables.outbox.append("relay", "LEAVER", "a", payload("lostOn", "2026-11-30"));
            status.setRollbackOnly();
        });

        assertThat(tables.outbox.after("relay", 0, 10)).isEmpty();
    }

    static com.fasterxml.jackson.databind.node.ObjectNode payload(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    /** An outbox writing in this connection's own (open) transaction. */
    private static Outbox outboxOn(Connection connection) {
        return new Outbox(
                new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                "linkage_outbox",
                Clock.systemUTC());
    }

    /** Until the other writer has either finished or is queued behind the open transaction. */
    private void awaitDoneOrWaitingForALock(CompletableFuture<Void> writer) {
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.isDone() || waitingForALock() > 0);
    }

    private int waitingForALock() {
        Integer waiting = tables.jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                Integer.class);
        return waiting == null ? 0 : waiting;
    }
}
