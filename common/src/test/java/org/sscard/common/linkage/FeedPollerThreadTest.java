package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The polling thread: waits, nudges, back-off, failures of every kind, and closing. */
class FeedPollerThreadTest {

    private final LinkageTables tables = LinkageTables.create();
    private final List<String> applied = new ArrayList<>();

    @Test
    void aNudgeCutsTheIntervalShortAndCloseEndsTheWaitAtOnce() throws Exception {
        // an hour between reads: only the nudge can bring the event in while the test runs
        FeedPoller poller = poller(Duration.ofHours(1), Duration.ofHours(1));
        poller.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> tables.inbox.position("feed") == 0 && reads.get() == 1);
            append("late");
            poller.nudge();

            await().atMost(Duration.ofSeconds(10)).until(() -> tables.inbox.position("feed") > 0);
        } finally {
            long closing = System.nanoTime();
            poller.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(poller.isRunning()).isFalse();
        synchronized (applied) {
            assertThat(applied).containsExactly("late");
        }
    }

    @Test
    void aNudgeDoesNotCutABackOffShort() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FeedPoller poller = new FeedPoller(
                new FeedPoller.Settings("feed", Duration.ofMillis(100), 10, Duration.ofSeconds(30)),
                (position, limit) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("the peer is down");
                },
                events -> {},
                tables.inbox,
                tables.transaction);
        poller.start();
        try {
            // failures after waits of 100, 200 and 400 ms: the next back-off is 800 ms
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 4);

            await().during(Duration.ofMillis(400))
                    .atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        poller.nudge();
                        return calls.get() == 4;
                    });
            assertThat(poller.consecutiveFailures()).isEqualTo(4);
        } finally {
            poller.close();
        }
    }

    @Test
    void anErrorInTheHandlerIsRetriedLikeAnyFailureAndTheThreadLivesOn() throws Exception {
        append("a");
        AtomicInteger attempts = new AtomicInteger();
        FeedPoller poller = new FeedPoller(
                new FeedPoller.Settings("feed", Duration.ofMillis(20), 10, Duration.ofMillis(100)),
                (position, limit) -> tables.outbox.after("relay", position, limit),
                FeedPoller.deduplicated(tables.inbox, "feed", event -> {
                    if (attempts.incrementAndGet() <= 2) {
                        throw new AssertionError("an Error, not an Exception");
                    }
                    synchronized (applied) {
                        applied.add(event.subject());
                    }
                }),
                tables.inbox,
                tables.transaction);
        poller.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> tables.inbox.position("feed") > 0);
        } finally {
            poller.close();
        }
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(poller.consecutiveFailures()).isZero();
        synchronized (applied) {
            assertThat(applied).containsExactly("a");
        }
    }

    @Test
    void closingWhileAPassWaitsIsNotAFailure() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        FeedPoller poller = new FeedPoller(
                new FeedPoller.Settings("feed", Duration.ofMillis(20), 10, Duration.ofSeconds(1)),
                (position, limit) -> {
                    reading.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        // as a connection pool or a driver reports an interrupt: not as InterruptedException
                        throw new IllegalStateException("interrupted while reading", e);
                    }
                    return List.of();
                },
                events -> {},
                tables.inbox,
                tables.transaction);
        poller.start();
        reading.await();

        poller.close();

        assertThat(poller.consecutiveFailures()).isZero();
        assertThat(poller.isRunning()).isFalse();
    }

    private final AtomicInteger reads = new AtomicInteger();

    private FeedPoller poller(Duration interval, Duration maxBackoff) {
        return new FeedPoller(
                new FeedPoller.Settings("feed", interval, 10, maxBackoff),
                (position, limit) -> {
                    reads.incrementAndGet();
                    return tables.outbox.after("relay", position, limit);
                },
                FeedPoller.deduplicated(tables.inbox, "feed", event -> {
                    synchronized (applied) {
                        applied.add(event.subject());
                    }
                }),
                tables.inbox,
                tables.transaction);
    }

    private void append(String... subjects) {
        tables.transaction.executeWithoutResult(status -> {
            for (String subject : subjects) {
                tables.outbox.append("relay", "TEST", subject, OutboxTest.payload("s", subject));
            }
        });
    }
}
