package org.sscard.desk.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.support.DeskTest;
import org.sscard.testsupport.MovableClock;

/** The per-clerk limit on a real PostgreSQL: counted atomically across threads, one flag per window. */
class CheckRateLimiterTest extends DeskTest {

    private static final int MAX = 5;

    @Autowired
    TransactionTemplate transactions;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"));

    private CheckRateLimiter limiter() {
        DeskProperties desk = new DeskProperties(
                URI.create("https://desk.test"),
                URI.create("https://auth.test"),
                URI.create("https://insurers.test"),
                "sscard-reception",
                Path.of("data"),
                new DeskProperties.Check(Duration.ofSeconds(5), Duration.ofSeconds(3), 3),
                new DeskProperties.RateLimit(MAX, Duration.ofMinutes(10)),
                new DeskProperties.Support("0", "平日", "weekdays"));
        return new CheckRateLimiter(jdbc, transactions, clock, desk);
    }

    private int flags(String clerk) {
        return jdbc.sql("SELECT count(*) FROM clerk_flag WHERE clerk = :clerk")
                .param("clerk", clerk)
                .query(Integer.class)
                .single();
    }

    @Test
    void twoThreadsOfOneClerkTogetherGetExactlyTheLimit() throws Exception {
        CheckRateLimiter limiter = limiter();
        String clerk = newClerk();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                allowed.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int granted = 0;
                    for (int i = 0; i < MAX; i++) {
                        try {
                            limiter.take(clerk, "受付 花子", HOSPITAL);
                            granted++;
                        } catch (RateLimitedException limited) {
                            // the other thread took this slot
                        }
                    }
                    return granted;
                }));
            }
            int total =
                    allowed.get(0).get(30, TimeUnit.SECONDS) + allowed.get(1).get(30, TimeUnit.SECONDS);

            assertThat(total).isEqualTo(MAX);
            assertThat(flags(clerk)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void overTheLimitSaysWhenToRetryFlagsOncePerWindowAndFreesSlotsAsTheWindowSlides() {
        CheckRateLimiter limiter = limiter();
        String clerk = newClerk();
        for (int i = 0; i < MAX; i++) {
            limiter.take(clerk, "受付 花子", HOSPITAL);
            clock.advance(Duration.ofMinutes(1));
        }
        // the first slot was taken 5 minutes ago: it frees up in 5 minutes

        assertThatThrownBy(() -> limiter.take(clerk, "受付 花子", HOSPITAL))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> limiter.take(clerk, "受付 花子", HOSPITAL)).isInstanceOf(RateLimitedException.class);
        assertThat(flags(clerk)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        limiter.take(clerk, "受付 花子", HOSPITAL);
        assertThatThrownBy(() -> limiter.take(clerk, "受付 花子", HOSPITAL)).isInstanceOf(RateLimitedException.class);
        assertThat(flags(clerk)).as("still within the window of the first flag").isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < MAX; i++) {
            limiter.take(clerk, "受付 花子", HOSPITAL);
        }
        assertThatThrownBy(() -> limiter.take(clerk, "受付 花子", HOSPITAL)).isInstanceOf(RateLimitedException.class);
        assertThat(flags(clerk)).as("a new window, a new flag").isEqualTo(2);
    }

    @Test
    void oneClerksChecksDoNotCountForAnother() {
        CheckRateLimiter limiter = limiter();
        String busy = newClerk();
        for (int i = 0; i < MAX; i++) {
            limiter.take(busy, null, HOSPITAL);
        }

        limiter.take(newClerk(), null, HOSPITAL);
        assertThatThrownBy(() -> limiter.take(busy, null, HOSPITAL)).isInstanceOf(RateLimitedException.class);
    }
}
