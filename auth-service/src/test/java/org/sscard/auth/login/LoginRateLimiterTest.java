package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sscard.testsupport.MovableClock;

class LoginRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, 60, clock);

    @Test
    void refusesAnAddressOnceItsBurstIsSpent() {
        assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
        assertThat(limiter.tryAcquire("192.0.2.2"))
                .as("another address has its own bucket")
                .isTrue();
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("192.0.2.1");
        }
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("192.0.2.1"))
                .as("60 per minute: one per second")
                .isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
    }
}
