package org.sscard.auth.login;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only {@code login_audit} table (V2): the durable copy of the login audit, for an auditor who needs
 * every attempt after the service log has rotated. Only codes and names are stored, never free text: free text is
 * where a personal ID could slip in.
 */
@Repository
class LoginAuditTable {

    static final String CARD_LOGIN = "card-login";
    static final String REVOCATION_FAIL_OPEN = "revocation-fail-open";

    private final JdbcClient jdbc;

    LoginAuditTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Entry entry) {
        jdbc.sql("""
                        INSERT INTO login_audit (event, outcome, reason, validator_reason, login_profile,
                                                 certificate_serial, certificate_issuer, client_address, subject)
                        VALUES (:event, :outcome, :reason, :validatorReason, :profile, :serial, :issuer, :client,
                                :subject)""")
                .param("event", entry.event())
                .param("outcome", entry.success() ? "success" : "failure")
                .param("reason", entry.reason())
                .param("validatorReason", entry.validatorReason())
                .param(
                        "profile",
                        entry.profile() == null ? null : entry.profile().name())
                .param("serial", entry.certificateSerial())
                .param("issuer", entry.certificateIssuer())
                .param("client", entry.clientAddress())
                .param("subject", entry.subject())
                .update();
    }

    /** One row; null where the attempt did not get that far (no certificate, no subject before the relay check). */
    record Entry(
            String event,
            boolean success,
            String reason,
            String validatorReason,
            LoginProfile profile,
            String certificateSerial,
            String certificateIssuer,
            String clientAddress,
            String subject) {}
}
