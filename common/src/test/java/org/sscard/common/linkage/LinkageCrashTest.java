package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The promise against real crashes: "kill a consumer mid-stream and restart it: every event arrives, none is
 * applied twice". Two publishers append 3,000 events for 50 subjects (each subject numbered 1, 2, 3, ...) to an
 * outbox in PostgreSQL, some before and most while the consumer runs; the consumer ({@link CrashConsumer}) runs in a
 * child JVM and is killed with SIGKILL while a batch is in flight, then started again, several times.
 *
 * <p>How a kill is known to have landed mid-batch: the consumer's {@code applied} rows take IDs from a sequence, and a
 * sequence never gives a number back. Rows of the killed batch were written (the sequence moved past the last
 * committed ID) and, once its database session is gone, are not there: the batch was in flight and rolled back.
 */
class LinkageCrashTest {

    private static final int TOTAL = 3000;
    private static final int BEFORE_START = 1200;
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    private final CrashStream stream = CrashStream.create();
    private final List<Integer> rolledBackPerKill = new ArrayList<>();
    private String name;
    private Process consumer;
    private Path log;
    private int starts;

    @BeforeEach
    void name(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (consumer != null) {
            consumer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        stream.close();
    }

    @Test
    void aConsumerKilledMidBatchAndRestartedAppliesEveryEventOnceAndEachSubjectInOrder() throws Exception {
        runKillingAt(null, 800, 1600, 2400);
    }

    @Test
    void theSameWhenTheConsumerPullsTheFeedOverHttp() throws Exception {
        try (FeedServer feed = new FeedServer(stream.url, CrashConsumer.CONSUMER)) {
            runKillingAt(feed.uri(), 1000, 2000);

            assertThat(feed.answered())
                    .as("the consumer read over HTTP")
                    .isGreaterThanOrEqualTo(TOTAL / CrashConsumer.BATCH);
        }
    }

    private void runKillingAt(URI feed, int... killAt) throws Exception {
        CrashStream.Publisher one = stream.publisher(0, 2, 18);
        CrashStream.Publisher two = stream.publisher(1, 2, 1818);
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> one.publish(BEFORE_START / 2)),
                        CompletableFuture.runAsync(() -> two.publish(BEFORE_START / 2)))
                .get(60, TimeUnit.SECONDS);
        start(feed);
        int rest = (TOTAL - BEFORE_START) / 2;
        CompletableFuture<Void> publishing = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> one.publish(rest, 400)),
                CompletableFuture.runAsync(() -> two.publish(rest, 400)));

        int rolledBackBefore = 0;
        for (int threshold : killAt) {
            awaitConsumer("applied " + threshold, Duration.ofMillis(20), () -> stream.applied() >= threshold);
            // the consumer's open transaction has written part of its batch: with a full batch of 50, dozens of events
            // (each waiting in the database) are still to come before it commits
            awaitConsumer("a batch in flight", Duration.ofMillis(1), () -> {
                int written = stream.inFlight();
                return written >= 5 && written <= 25;
            });
            consumer.destroyForcibly();
            assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.consumerSessions() == 0);
            int rolledBack = stream.rolledBack();
            rolledBackPerKill.add(rolledBack - rolledBackBefore);
            rolledBackBefore = rolledBack;

            assertThat(stream.inboxRows())
                    .as("after the kill: the inbox holds exactly the events whose effect committed")
                    .isEqualTo(stream.applied());
            assertThat(stream.cursor())
                    .as("after the kill: the cursor is where the committed effects end")
                    .isEqualTo(stream.lastAppliedPosition());
            start(feed);
        }
        publishing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        awaitConsumer(
                "every event applied", Duration.ofMillis(50), () -> stream.cursor() == stream.lastPublishedPosition());

        assertThat(stream.outboxRows()).isEqualTo(TOTAL);
        assertThat(stream.subjectsPublishedOutOfOrder())
                .as("the premise: each subject published 1, 2, 3, ... in position order")
                .isEmpty();
        assertThat(stream.appliedTwice()).as("events applied twice").isEmpty();
        assertThat(stream.neverApplied()).as("events never applied").isEmpty();
        assertThat(stream.applied()).isEqualTo(TOTAL);
        assertThat(stream.inboxRows()).isEqualTo(TOTAL);
        assertThat(stream.subjectsOutOfOrder())
                .as("subjects whose events were applied out of order")
                .isEmpty();
        assertThat(stream.positionsOutOfOrder())
                .as("applications out of position order")
                .isZero();
        assertThat(stream.countersWrong()).as("subjects whose counter is wrong").isEmpty();
        assertThat(stream.cursor()).isEqualTo(stream.lastPublishedPosition());
        assertThat(starts).isEqualTo(killAt.length + 1);
        assertThat(rolledBackPerKill)
                .as("rows written by the batch in flight and rolled back by each kill: at least one kill mid-batch")
                .anyMatch(rows -> rows > 0);
        System.out.printf(
                "%s: %d events, %d kills, rows rolled back per kill %s, events per batch (min / mean / max) %s%n",
                name, TOTAL, killAt.length, rolledBackPerKill, stream.batchSizes());
    }

    private void start(URI feed) throws IOException {
        starts++;
        log = Path.of("target", "linkage-crash", name + "-" + starts + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashConsumer.class.getName(),
                stream.url));
        if (feed != null) {
            command.add(feed.toString());
        }
        consumer = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Polls until {@code done}, failing at once with the consumer's output if the consumer died by itself. */
    private void awaitConsumer(String what, Duration poll, Callable<Boolean> done) throws IOException {
        Process running = consumer;
        try {
            await().atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(poll).until(() -> {
                if (!running.isAlive()) {
                    throw new AssertionError("the consumer exited by itself (" + running.exitValue() + ") waiting for "
                            + what + ":\n" + output());
                }
                return done.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waiting for " + what + " (applied " + stream.applied() + " of " + stream.published() + "):\n"
                            + output(),
                    e);
        }
    }

    private String output() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
