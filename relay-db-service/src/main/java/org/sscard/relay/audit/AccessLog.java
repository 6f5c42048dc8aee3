package org.sscard.relay.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;

/**
 * The append-only access log. {@link #record} must run inside the transaction that reads or writes the person's
 * data: if the row cannot be written, the whole request fails and nothing is answered.
 */
@Repository
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final JdbcClient jdbc;
    private final Caller caller;

    AccessLog(JdbcClient jdbc, Caller caller) {
        this.jdbc = jdbc;
        this.caller = caller;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long personId, AccessAction action, String defaultPurpose, String providerKey) {
        recordAs(personId, action, caller.actingFor(), caller.purposeOr(defaultPurpose), providerKey);
    }

    /**
     * A row whose acting-for and purpose the relay establishes itself instead of taking the caller's headers: the
     * staff member it checked, the purpose it knows (a reception check names the clerk, the desk and the method).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(long personId, AccessAction action, String actingFor, String purpose, String providerKey) {
        try {
            insert(personId, action, actingFor, purpose, providerKey);
        } catch (DataAccessException e) {
            log.error("access log write failed; the request is refused", e);
            throw new RelayException(RelayError.AUDIT_UNAVAILABLE, "the access could not be logged");
        }
    }

    private void insert(long personId, AccessAction action, String actingFor, String purpose, String providerKey) {
        jdbc.sql("""
                        INSERT INTO access_log (caller, acting_for, subject_person_id, action, purpose, provider_key)
                        VALUES (:caller, :actingFor, :person, :action, :purpose, :provider)""")
                .param("caller", caller.client())
                .param("actingFor", actingFor)
                .param("person", personId)
                .param("action", action.name())
                .param("purpose", purpose)
                .param("provider", providerKey)
                .update();
    }

    public List<AccessLogEntry> entriesFor(long personId, int limit) {
        return jdbc.sql("""
                        SELECT id, at, caller, acting_for, action, purpose, provider_key FROM access_log
                        WHERE subject_person_id = :person ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("person", personId)
                .param("limit", limit)
                .query((rs, n) -> new AccessLogEntry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("caller"),
                        rs.getString("acting_for"),
                        rs.getString("action"),
                        rs.getString("purpose"),
                        rs.getString("provider_key")))
                .list();
    }

    public record AccessLogEntry(
            long id, Instant at, String caller, String actingFor, String action, String purpose, String providerKey) {}
}
