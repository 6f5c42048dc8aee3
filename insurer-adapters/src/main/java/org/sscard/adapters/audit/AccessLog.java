package org.sscard.adapters.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;

/**
 * Each provider's own access log, in its own schema: who (the person, a staff member or a client), whom (the
 * provider's ID for the person), what, when and why. Written before the data is answered; no entry, no answer.
 */
@Service
public class AccessLog {

    /** One entry as the person sees it (the contract every provider serves at {@code /api/v1/access-log}). */
    public record Entry(Instant at, String actor, String organisation, String role, String action, String purpose) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Provider provider, Caller caller, AccessAction action) {
        jdbc.sql("INSERT INTO " + provider.table("access_log")
                        + " (at, local_id, actor, organisation, role, action, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(clock.instant()),
                        caller.subject(),
                        caller.who(),
                        caller.organisation(),
                        caller.role(),
                        action.name(),
                        caller.purpose())
                .update();
    }

    /**
     * One entry for each of {@code localIds} (the persons whose data this was), by someone other than the token's
     * subject alone says: an operator for the persons of a verification, the insured person for their dependants.
     */
    public void recordFor(
            Provider provider,
            Collection<String> localIds,
            String actor,
            String organisation,
            String role,
            AccessAction action,
            String purpose) {
        Timestamp at = Timestamp.from(clock.instant());
        String sql = "INSERT INTO " + provider.table("access_log")
                + " (at, local_id, actor, organisation, role, action, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)";
        for (String localId : new LinkedHashSet<>(localIds)) {
            jdbc.sql(sql)
                    .params(at, localId, actor, organisation, role, action.name(), purpose)
                    .update();
        }
    }

    /** The person's entries, newest first (at most 500). */
    public List<Entry> entries(Provider provider, String localId) {
        return jdbc.sql("SELECT at, actor, organisation, role, action, purpose FROM " + provider.table("access_log")
                        + " WHERE local_id = ? ORDER BY at DESC, id DESC LIMIT 500")
                .param(localId)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("organisation"),
                        rs.getString("role"),
                        rs.getString("action"),
                        rs.getString("purpose")))
                .list();
    }
}
