package org.sscard.auth.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 7523 section 3, item 7: a client assertion's {@code jti} is used once. Remembered until the assertion
 * expires (assertions live a minute), then forgotten; the map is swept as it is used.
 */
final class AssertionReplayCache {

    /** Far more clients and calls than the platform has; beyond it, assertions are refused rather than forgotten. */
    private static final int CAPACITY = 100_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    AssertionReplayCache(Clock clock) {
        this.clock = clock;
    }

    /** True the first time {@code client}/{@code jti} is offered before {@code expiresAt}; false on every replay. */
    boolean firstUse(String client, String jti, Instant expiresAt) {
        Instant now = clock.instant();
        if (seen.size() > CAPACITY / 2) {
            seen.values().removeIf(expiry -> expiry.isBefore(now));
        }
        if (seen.size() >= CAPACITY) {
            return false;
        }
        return seen.putIfAbsent(client + "\u0000" + jti, expiresAt) == null;
    }
}
