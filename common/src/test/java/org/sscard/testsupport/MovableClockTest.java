package org.sscard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void standsStillUntilMoved() throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void advancesAndIsSet() {
        MovableClock clock = new MovableClock(START);
        clock.advance(Duration.ofMillis(999));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(999));
        clock.set(Instant.parse("2030-06-01T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
    }

    @Test
    void aZonedViewMovesWithIt() {
        MovableClock clock = new MovableClock(START);
        Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
        clock.advance(Duration.ofHours(1));
        assertThat(tokyo.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void losesNoMoveWhenThreadsMoveItTogether() throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4_000; i++) {
            pool.execute(() -> clock.advance(Duration.ofMillis(1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.instant()).isEqualTo(START.plusMillis(4_000));
    }
}
