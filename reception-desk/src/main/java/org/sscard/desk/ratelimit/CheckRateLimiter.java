package org.sscard.desk.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.desk.config.DeskProperties;

/**
 * At most {@code max-checks} checks per clerk in any {@code window} (a sliding window). Every check takes a slot
 * before anything is asked, refused checks included: probing is what the limit is for. Counted atomically across
 * requests, threads and desk instances: one transaction holds {@code pg_advisory_xact_lock} on the clerk, so two
 * checks of one clerk are counted one after the other and never both let through as the last slot. Over the limit,
 * the clerk is flagged once per window for the hospital administrator ({@code clerk_flag}) and told when to retry.
 */
@Component
public class CheckRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckRateLimiter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxChecks;
    private final Duration window;

    CheckRateLimiter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, DeskProperties desk) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.maxChecks = desk.rateLimit().maxChecks();
        this.window = desk.rateLimit().window();
    }

    /** Takes one slot for {@code clerk}, or throws {@link RateLimitedException} (and flags the clerk). */
    public void take(String clerk, String clerkName, String organisation) {
        RateLimitedException limited =
                transactions.execute(status -> takeInTransaction(clerk, clerkName, organisation));
        if (limited != null) {
            throw limited;
        }
    }

    private RateLimitedException takeInTransaction(String clerk, String clerkName, String organisation) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        // the lock ends with the transaction; hashtextextended: 64 bits of the clerk's ID, collisions only serialise
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:clerk, 0))) AS locked")
                .param("clerk", clerk)
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM check_slot WHERE clerk = :clerk AND taken_at <= :start")
                .param("clerk", clerk)
                .param("start", Timestamp.from(windowStart))
                .update();
        int taken = jdbc.sql("SELECT count(*) FROM check_slot WHERE clerk = :clerk")
                .param("clerk", clerk)
                .query(Integer.class)
                .single();
        if (taken < maxChecks) {
            jdbc.sql("INSERT INTO check_slot (clerk, taken_at) VALUES (:clerk, :now)")
                    .param("clerk", clerk)
                    .param("now", Timestamp.from(now))
                    .update();
            return null;
        }
        Instant oldest = jdbc.sql("SELECT min(taken_at) FROM check_slot WHERE clerk = :clerk")
                .param("clerk", clerk)
                .query(Timestamp.class)
                .single()
                .toInstant();
        flagOncePerWindow(clerk, clerkName, organisation, taken, now, windowStart);
        return new RateLimitedException(Duration.between(now, oldest.plus(window)), maxChecks, window);
    }

    private void flagOncePerWindow(
            String clerk, String clerkName, String organisation, int taken, Instant now, Instant windowStart) {
        boolean flagged = jdbc.sql("SELECT EXISTS (SELECT 1 FROM clerk_flag WHERE clerk = :clerk AND at > :start)")
                .param("clerk", clerk)
                .param("start", Timestamp.from(windowStart))
                .query(Boolean.class)
                .single();
        if (flagged) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO clerk_flag (flag_id, at, clerk, clerk_name, organisation, checks_in_window,
                                                max_checks, window_seconds)
                        VALUES (:id, :now, :clerk, :name, :organisation, :taken, :max, :window)""")
                .param("id", UUID.randomUUID())
                .param("now", Timestamp.from(now))
                .param("clerk", clerk)
                .param("name", clerkName)
                .param("organisation", organisation)
                .param("taken", taken + 1)
                .param("max", maxChecks)
                .param("window", window.toSeconds())
                .update();
        LOG.warn("clerk {} of {} went over {} checks in {}: flagged", clerk, organisation, maxChecks, window);
    }
}
