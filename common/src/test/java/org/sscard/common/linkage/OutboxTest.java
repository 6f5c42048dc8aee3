package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final LinkageTables tables = LinkageTables.create();

    @Test
    void holdsBackLaterCommitsWhileAnEarlierPositionIsStillOpen() throws Exception {
        try (Connection slow = DriverManager.getConnection(tables.url, "postgres", "")) {
            slow.setAutoCommit(false);
            try (Statement statement = slow.createStatement()) {
                // takes position 1 and keeps its transaction open
                statement.execute("INSERT INTO linkage_outbox (event_id, consumer, type, subject, payload, occurred_at)"
                        + " VALUES (gen_random_uuid(), 'relay', 'LEAVER', 'a', '{}', now())");
            }
            tables.transaction.executeWithoutResult(
                    status -> tables.outbox.append("relay", "JOINER", "b", JsonNodeFactory.instance.objectNode()));

            assertThat(tables.outbox.after("relay", 0, 10))
                    .as("position 2 committed, but position 1 may still commit: a cursor past 2 would lose it")
                    .isEmpty();

            slow.commit();
        }
        List<LinkageEvent> events = tables.outbox.after("relay", 0, 10);
        assertThat(events).extracting(LinkageEvent::type).containsExactly("LEAVER", "JOINER");
        assertThat(events).extracting(LinkageEvent::position).containsExactly(1L, 2L);
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
}
