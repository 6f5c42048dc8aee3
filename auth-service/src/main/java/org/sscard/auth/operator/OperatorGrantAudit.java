package org.sscard.auth.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every operator-action request, in the login audit: a log event (logger {@code sscard.audit.login},
 * {@code event.action=operator-action}) and a row in the append-only {@code login_audit} table (event
 * {@code operator-action}, V4): the client, the staff member (ID, role, organisation, staff card), the audience and
 * the outcome with its reason code. A token is issued only once its row is written; a refusal stays a refusal, and
 * one from a client that did not authenticate is only logged (no row for whatever anyone sends).
 */
final class OperatorGrantAudit {

    static final String EVENT = "operator-action";
    private static final Logger log = LoggerFactory.getLogger("sscard.audit.login");

    private final JdbcClient jdbc;

    OperatorGrantAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the token about to be handed out; without the row, no token ({@link OperatorRefusal#UNAVAILABLE}). */
    void issued(GrantAttempt attempt) {
        try {
            insert(attempt, true, null);
        } catch (DataAccessException e) {
            log.error("operator-action audit row not written; no token is issued", e);
            throw new OperatorActionRefused(OperatorRefusal.UNAVAILABLE, "the grant cannot be recorded");
        }
        event(log.atInfo(), attempt)
                .setMessage("operator token issued")
                .addKeyValue("event.outcome", "success")
                .log();
    }

    void refused(GrantAttempt attempt, OperatorRefusal refusal) {
        event(log.atWarn(), attempt)
                .setMessage("operator token refused: " + refusal)
                .addKeyValue("event.outcome", "failure")
                .addKeyValue("event.reason", refusal.name())
                .log();
        if (attempt.clientId() == null) {
            return;
        }
        try {
            insert(attempt, false, refusal.name());
        } catch (DataAccessException e) {
            log.error("operator-action audit row not written for a refusal; the log event above is its record", e);
        }
    }

    private static LoggingEventBuilder event(LoggingEventBuilder event, GrantAttempt attempt) {
        return event.addKeyValue("event.action", EVENT)
                .addKeyValue("client.id", attempt.clientId())
                .addKeyValue("client.address", attempt.clientAddress())
                .addKeyValue("sscard.operator.staff_id", attempt.subject())
                .addKeyValue("sscard.operator.role", attempt.role())
                .addKeyValue("sscard.operator.organisation", attempt.organisation())
                .addKeyValue("sscard.operator.audience", attempt.audience());
    }

    private void insert(GrantAttempt attempt, boolean success, String reason) {
        jdbc.sql("""
                        INSERT INTO login_audit (event, outcome, reason, login_profile, certificate_serial,
                                                 client_address, subject, client_id, staff_role, staff_organisation,
                                                 audience)
                        VALUES (:event, :outcome, :reason, :profile, :serial, :address, :subject, :client, :role,
                                :organisation, :audience)""")
                .param("event", EVENT)
                .param("outcome", success ? "success" : "failure")
                .param("reason", reason)
                .param("profile", attempt.profile())
                .param("serial", attempt.certificateSerial())
                .param("address", attempt.clientAddress())
                .param("subject", attempt.subject())
                .param("client", attempt.clientId())
                .param("role", attempt.role())
                .param("organisation", attempt.organisation())
                .param("audience", attempt.audience())
                .update();
    }
}
