package org.sscard.hospital.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hospital's own access log: who looked at whose records, what, when and why, for SAML page views and API
 * reads alike. Written in the caller's transaction, before the data is read: no row, no answer.
 */
@Component
public class AccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String patientNumber, Accessor accessor, String action) {
        jdbc.sql("""
                        INSERT INTO access_log (at, patient_number, actor, organisation, role, action, purpose, channel)
                        VALUES (:at, :patient, :actor, :organisation, :role, :action, :purpose, :channel)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("patient", patientNumber)
                .param("actor", accessor.actor())
                .param("organisation", accessor.organisation())
                .param("role", accessor.role())
                .param("action", action)
                .param("purpose", accessor.purpose())
                .param("channel", accessor.channel().name())
                .update();
    }

    /** The patient's own entries, newest first. */
    public List<AccessLogEntry> of(String patientNumber) {
        return jdbc.sql("""
                        SELECT at, actor, organisation, role, action, purpose FROM access_log
                        WHERE patient_number = :patient ORDER BY at DESC, id DESC LIMIT 500""")
                .param("patient", patientNumber)
                .query((rs, n) -> new AccessLogEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }
}
