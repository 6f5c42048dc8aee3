package org.sscard.relay.reception;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong dates of birth per existing provisional SSN over the last 24 hours, in the table
 * {@code reception_ssn_mismatch}. Call with the person row locked ({@link ReceptionRepository#bySsnForUpdate}), so
 * that the count and the insert of concurrent checks do not interleave.
 */
@Component
class SsnMismatchLimit {

    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final int limit;

    SsnMismatchLimit(JdbcClient jdbc, ReceptionProperties properties) {
        this.jdbc = jdbc;
        this.limit = properties.ssnMismatchLimit();
    }

    /** True once the person's SSN has seen {@code limit} mismatches in the window: every answer is "not matched". */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean lockedOut(long personId, Instant now) {
        return mismatches(personId, now) >= limit;
    }

    /** Records one mismatch; returns true if it is the one that reaches the limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean record(long personId, Instant now, String organisation, UUID clerk) {
        jdbc.sql("DELETE FROM reception_ssn_mismatch WHERE person_id = :person AND at <= :since")
                .param("person", personId)
                .param("since", utc(now.minus(WINDOW)))
                .update();
        jdbc.sql("""
                        INSERT INTO reception_ssn_mismatch (person_id, at, organisation, clerk)
                        VALUES (:person, :at, :organisation, :clerk)""")
                .param("person", personId)
                .param("at", utc(now))
                .param("organisation", organisation)
                .param("clerk", clerk)
                .update();
        return mismatches(personId, now) == limit;
    }

    private int mismatches(long personId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM reception_ssn_mismatch WHERE person_id = :person AND at > :since")
                .param("person", personId)
                .param("since", utc(now.minus(WINDOW)))
                .query(Integer.class)
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
