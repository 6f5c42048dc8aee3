package org.sscard.auth.client;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RFC 7523 section 3, item 7: a client assertion's {@code jti} is used once. Each (client, jti) is remembered until
 * the assertion expires plus the clock skew the expiry check allows, then forgotten: expired entries are purged as
 * the store is used (at most once a {@link #PURGE_EVERY}). There is no capacity, so the store never refuses a new
 * assertion for want of room; what it holds is bounded by the assertions' lifetime ({@link AssertionLifetime}: five
 * minutes at most), and only an assertion whose certificate and signature were accepted is ever remembered.
 *
 * <p>With a database ({@code client_assertion_jti} in {@code sscard_auth}), a replay is refused after a restart and by
 * any instance; without one (tests, tools), in this JVM only.
 */
final class AssertionReplayCache {

    /** An expired assertion is refused by its exp (with Spring's 60 s skew) before it reaches the store. */
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(2);

    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** The longest jti kept (the column's width); a longer one is refused. */
    static final int MAX_JTI_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Map<String, Instant> local = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /** Remembered in this JVM only: for tests and tools, not for the service. */
    AssertionReplayCache(Clock clock) {
        this(null, clock);
    }

    /** Remembered in {@code sscard_auth}: survives restarts, shared by every instance. */
    AssertionReplayCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code client}/{@code jti} is offered before {@code expiresAt}; false on every replay. */
    boolean firstUse(String client, String jti, Instant expiresAt) {
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            return false;
        }
        Instant now = clock.instant();
        purgeIfDue(now);
        if (jdbc == null) {
            return local.putIfAbsent(client + "\u0000" + jti, expiresAt) == null;
        }
        return jdbc.sql("""
                        INSERT INTO client_assertion_jti (client_id, jti, expires_at) VALUES (:client, :jti, :expiresAt)
                        ON CONFLICT (client_id, jti) DO NOTHING""")
                        .param("client", client)
                        .param("jti", jti)
                        .param("expiresAt", Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    /** Forgets every entry expired for longer than {@link #KEEP_AFTER_EXPIRY}; returns how many. */
    int purge() {
        Instant before = clock.instant().minus(KEEP_AFTER_EXPIRY);
        lastPurge.set(clock.instant());
        if (jdbc == null) {
            int size = local.size();
            local.values().removeIf(expiry -> expiry.isBefore(before));
            return size - local.size();
        }
        return jdbc.sql("DELETE FROM client_assertion_jti WHERE expires_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private void purgeIfDue(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            purge();
        }
    }
}
