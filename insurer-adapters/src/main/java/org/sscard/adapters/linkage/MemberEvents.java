package org.sscard.adapters.linkage;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sscard.adapters.provider.Provider;
import org.sscard.common.linkage.Outbox;

/**
 * The events this insurer publishes to the relay (consumer {@code relay}), written into its schema's
 * {@code linkage_outbox} in the caller's transaction, from the member rows as they stand in that transaction: so the
 * event says exactly what was committed, and commits with it or not at all. One payload definition (the SQL below)
 * for every path: an eligibility import (set-based: a file may hold a whole insurer), the administrator's joiner
 * and leaver, and an accepted dependant verification.
 *
 * <p>{@code MEMBER_JOINED}: {@code provider, localId, insurerNumber, symbol, number, branch, relationship,
 * acquiredOn, nameKana, nameKanji, dateOfBirth, sex, address, provisionalSsn} (the last two may be null).
 * {@code MEMBER_LEFT}: {@code provider, localId, lostOn} (the first day not covered) {@code , reason} (may be null).
 * The subject is the member's canonical local ID. Every write takes the outbox's append lock first (see
 * {@link Outbox}), and its callers take the member table's lock before that (an import, a registration, a dependant
 * acceptance), so the two locks are always taken in the same order.
 */
@Service
public class MemberEvents {

    public static final String JOINED = "MEMBER_JOINED";
    public static final String LEFT = "MEMBER_LEFT";
    /** The outbox's consumer: the relay. */
    static final String RELAY = "relay";

    private static final String JOINED_PAYLOAD = "jsonb_build_object('provider', ?::text, 'localId', m.local_id,"
            + " 'insurerNumber', m.insurer_number, 'symbol', m.symbol, 'number', m.number, 'branch', m.branch,"
            + " 'relationship', m.relationship, 'acquiredOn', to_char(m.acquired_on, 'YYYY-MM-DD'),"
            + " 'nameKana', m.name_kana, 'nameKanji', m.name_kanji,"
            + " 'dateOfBirth', to_char(m.date_of_birth, 'YYYY-MM-DD'), 'sex', m.sex, 'address', m.address,"
            + " 'provisionalSsn', m.provisional_ssn::text)";
    private static final String LEFT_PAYLOAD = "jsonb_build_object('provider', ?::text, 'localId', m.local_id,"
            + " 'lostOn', to_char(m.lost_on, 'YYYY-MM-DD'), 'reason', m.loss_reason)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectProvider<Linkage> linkage;

    MemberEvents(JdbcTemplate jdbc, Clock clock, ObjectProvider<Linkage> linkage) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.linkage = linkage;
    }

    /** What an eligibility import changed, with counts for its log line. */
    public record Published(int joined, int left) {}

    /**
     * After an eligibility file's rows are in the table and before the rows they replace are deleted: a local ID
     * new to the table is a joiner, and so is a member whose five items (kana and kanji name, date of birth, sex,
     * address) or provisional SSN differ from the row replaced (so a record the relay could not link, e.g. imported
     * without an SSN or with a typo in the address, is gated again once corrected); a row whose {@code lost_on} is set and differs from the row it replaces (or a
     * new row with it set: joined, then left) is a leaver. Joiners first, so each subject's events keep that order.
     */
    public Published imported(Provider provider, long importId) {
        String member = provider.table("member");
        int joined = append(
                provider,
                JOINED,
                JOINED_PAYLOAD,
                "m.import_id = ? AND NOT EXISTS (SELECT 1 FROM " + member
                        + " o WHERE o.local_id = m.local_id AND o.import_id IS DISTINCT FROM m.import_id"
                        + " AND (o.name_kana, o.name_kanji, o.date_of_birth, o.sex, o.address, o.provisional_ssn)"
                        + " IS NOT DISTINCT FROM"
                        + " (m.name_kana, m.name_kanji, m.date_of_birth, m.sex, m.address, m.provisional_ssn))",
                importId);
        int left = append(
                provider,
                LEFT,
                LEFT_PAYLOAD,
                "m.import_id = ? AND m.lost_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + member
                        + " o WHERE o.local_id = m.local_id AND o.import_id IS DISTINCT FROM m.import_id"
                        + " AND o.lost_on = m.lost_on)",
                importId);
        return new Published(joined, left);
    }

    /** The member, as written in this transaction, joined. */
    public void joined(Provider provider, String localId) {
        append(provider, JOINED, JOINED_PAYLOAD, "m.local_id = ?", localId);
    }

    /** The member's {@code lost_on} (and reason), as written in this transaction, is news to the relay. */
    public void left(Provider provider, String localId) {
        append(provider, LEFT, LEFT_PAYLOAD, "m.local_id = ?", localId);
    }

    private int append(Provider provider, String type, String payload, String where, Object key) {
        // the outbox's append lock first, as Outbox.append takes it: positions become visible in commit order only
        // if every writer of this outbox holds it from its first position to its commit
        new Outbox(jdbc, provider.table("linkage_outbox"), clock).lockForAppend();
        int appended = jdbc.update(
                "INSERT INTO " + provider.table("linkage_outbox")
                        + " (event_id, consumer, type, subject, payload, occurred_at)"
                        + " SELECT gen_random_uuid(), ?, ?, m.local_id, " + payload + ", ? FROM "
                        + provider.table("member") + " m WHERE " + where + " ORDER BY m.local_id",
                RELAY,
                type,
                provider.key(),
                Timestamp.from(clock.instant()),
                key);
        if (appended > 0) {
            nudgeAfterCommit(provider);
        }
        return appended;
    }

    /** The pusher reads at once after the commit instead of at the end of its interval. */
    private void nudgeAfterCommit(Provider provider) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                linkage.ifAvailable(running -> running.nudge(provider.key()));
            }
        });
    }
}
