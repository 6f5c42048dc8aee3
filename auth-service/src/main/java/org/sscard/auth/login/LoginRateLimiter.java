package org.sscard.auth.login;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client address: {@code capacity} attempts at once, refilled at {@code refillPerMinute}. */
class LoginRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final double capacity;
    private final double refillPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginRateLimiter(int capacity, int refillPerMinute, Clock clock) {
        this.capacity = capacity;
        this.refillPerMilli = refillPerMinute / 60_000.0;
        this.clock = clock;
    }

    boolean tryAcquire(String clientAddress) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            // buckets that have refilled completely carry no state worth keeping
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(clientAddress, a -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - updated) * refillPerMilli);
            updated = now;
        }
    }
}
