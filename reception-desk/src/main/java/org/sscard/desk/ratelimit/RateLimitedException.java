package org.sscard.desk.ratelimit;

import java.time.Duration;

/** The clerk has made as many checks as the window allows: nothing was asked; try again after {@link #retryAfter}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;
    private final int maxChecks;
    private final Duration window;

    RateLimitedException(Duration retryAfter, int maxChecks, Duration window) {
        super("more than " + maxChecks + " checks in " + window);
        this.retryAfter = retryAfter;
        this.maxChecks = maxChecks;
        this.window = window;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1, for the Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public int maxChecks() {
        return maxChecks;
    }

    public Duration window() {
        return window;
    }
}
