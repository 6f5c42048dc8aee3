package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class FeedPollerTest {

    private final LinkageTables tables = LinkageTables.create();
    private final List<String> applied = new ArrayList<>();

    @Test
    void appliesAnEventDeliveredTwiceOnce() throws Exception {
        append("a", "b");
        List<LinkageEvent> all = tables.outbox.after("relay", 0, 10);
        // a feed that forgets the cursor and serves everything again, as after a crash between effect and answer
        FeedPoller poller = poller((position, limit) -> all);

        poller.pollOnce();
        poller.pollOnce();

        assertThat(applied).containsExactly("a", "b");
        assertThat(tables.inbox.position("feed")).isEqualTo(all.get(1).position());
    }

    @Test
    void aFailingEventStopsThePassAndNothingAfterItIsApplied() throws Exception {
        append("a", "poison", "c");
        FeedPoller poller = new FeedPoller(
                settings(),
                (position, limit) -> tables.outbox.after("relay", position, limit),
                FeedPoller.deduplicated(tables.inbox, "feed", event -> {
                    if (event.subject().equals("poison")) {
                        throw new IllegalStateException("cannot apply");
                    }
                    applied.add(event.subject());
                }),
                tables.inbox,
                tables.transaction);

        assertThatThrownBy(poller::pollOnce).hasMessage("cannot apply");

        assertThat(tables.inbox.position("feed")).isZero();
        Integer recorded = tables.jdbc.queryForObject("SELECT count(*) FROM linkage_inbox", Integer.class);
        assertThat(recorded)
                .as("the batch's inbox rows were rolled back with it")
                .isZero();
    }

    @Test
    void aSecondPollerOfTheSameSourceAppliesNothingTheFirstAlreadyApplied() throws Exception {
        append("a", "b");
        // a handler without the inbox: only the cursor keeps two instances of a service from applying a batch twice
        FeedPoller.Handler counting = events -> events.forEach(event -> applied.add(event.subject()));
        FeedPoller other = new FeedPoller(
                settings(),
                (position, limit) -> tables.outbox.after("relay", position, limit),
                counting,
                tables.inbox,
                tables.transaction);
        FeedPoller poller = new FeedPoller(
                settings(),
                (position, limit) -> {
                    // the other instance runs a whole pass while this one is reading the same events
                    other.pollOnce();
                    return tables.outbox.after("relay", position, limit);
                },
                counting,
                tables.inbox,
                tables.transaction);

        poller.pollOnce();

        assertThat(applied).containsExactly("a", "b");
        assertThat(tables.inbox.position("feed")).isEqualTo(2);
    }

    @Test
    void refusesToApplyABatchWhenTheInboxWouldNotJoinTheTransaction() {
        append("a");
        // the same database, another data source: the cursor would commit on its own, apart from the effect
        DataSourceTransactionManager elsewhere =
                new DataSourceTransactionManager(new DriverManagerDataSource(tables.url, "postgres", ""));
        FeedPoller poller = new FeedPoller(
                settings(),
                (position, limit) -> tables.outbox.after("relay", position, limit),
                FeedPoller.deduplicated(tables.inbox, "feed", event -> applied.add(event.subject())),
                tables.inbox,
                new TransactionTemplate(elsewhere));

        assertThatThrownBy(poller::pollOnce)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the one the transaction manages");

        assertThat(applied).isEmpty();
        assertThat(tables.inbox.position("feed")).isZero();
        assertThat(tables.inbox.seen(
                        "feed", tables.outbox.after("relay", 0, 1).get(0).eventId()))
                .isFalse();
    }

    @Test
    void asksNoFeedForMoreThanItMayAnswer() {
        assertThatThrownBy(() -> new FeedPoller.Settings("feed", Duration.ofMillis(500), 501, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch <= 500");
        assertThat(new FeedPoller.Settings("feed", Duration.ofMillis(500), 500, Duration.ofSeconds(30)).batch())
                .isEqualTo(500);
    }

    @Test
    void theThreadDeliversWhatIsCommittedAfterItStarted() throws Exception {
        FeedPoller poller = poller((position, limit) -> tables.outbox.after("relay", position, limit));
        poller.start();
        try {
            append("late");
            poller.nudge();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && tables.inbox.position("feed") == 0) {
                Thread.onSpinWait();
            }
        } finally {
            poller.close();
        }
        synchronized (applied) {
            assertThat(applied).containsExactly("late");
        }
    }

    private FeedPoller poller(FeedPoller.Feed feed) {
        return new FeedPoller(
                settings(),
                feed,
                FeedPoller.deduplicated(tables.inbox, "feed", event -> {
                    synchronized (applied) {
                        applied.add(event.subject());
                    }
                }),
                tables.inbox,
                tables.transaction);
    }

    private static FeedPoller.Settings settings() {
        return new FeedPoller.Settings("feed", Duration.ofMillis(50), 100, Duration.ofSeconds(1));
    }

    private void append(String... subjects) {
        tables.transaction.executeWithoutResult(status -> {
            for (String subject : subjects) {
                tables.outbox.append("relay", "TEST", subject, OutboxTest.payload("s", subject));
            }
        });
    }
}
