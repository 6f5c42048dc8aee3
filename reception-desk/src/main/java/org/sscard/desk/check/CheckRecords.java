package org.sscard.desk.check;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sscard.desk.login.Clerk;

/**
 * The append-only {@code check_record}: one row per check, whatever its outcome. Clerk, hospital, channel, method,
 * reason, outcome, refusal, patient number, insurer and statement ID; never the personal ID, the SSN, the date of
 * birth or the certificate, which the desk forgets when the check is answered.
 */
@Component
class CheckRecords {

    private final JdbcClient jdbc;

    CheckRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(CheckResult result, Decision decision, Clerk clerk, CheckRequest request, Channel channel) {
        jdbc.sql("""
                        INSERT INTO check_record (check_id, at, clerk, clerk_name, organisation, role, channel,
                                                  method, reason, outcome, refusal, patient_number, insurer,
                                                  statement_id)
                        VALUES (:id, :at, :clerk, :name, :organisation, :role, :channel, :method, :reason, :outcome,
                                :refusal, :patient, :insurer, :statement)""")
                .param("id", result.checkId())
                .param("at", Timestamp.from(result.checkedAt()))
                .param("clerk", clerk.subject())
                .param("name", clerk.name())
                .param("organisation", clerk.organisation())
                .param("role", clerk.role())
                .param("channel", channel.name())
                .param("method", request.method().name())
                .param(
                        "reason",
                        request.reason() == null ? null : request.reason().name())
                .param("outcome", result.outcome().name())
                .param(
                        "refusal",
                        result.refusal() == null ? null : result.refusal().name())
                .param("patient", result.patientNumber())
                .param("insurer", decision.insurer())
                .param("statement", result.statement() == null ? null : result.checkId())
                .update();
    }
}
