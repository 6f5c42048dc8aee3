package org.sscard.auth.login;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Every card-login attempt, twice: a log event (logger {@code sscard.audit.login}) and a row in the append-only
 * {@code login_audit} table. Outcome, reason, profile, certificate serial, client address and, on success, the
 * opaque subject. Never the personal ID or the certificate subject.
 * <p>An accepted login whose row cannot be written fails (no session without its audit row); a refusal stays a
 * refusal, with the log event as its only record.
 */
@Component
class LoginAudit {

    static final String LOGGER = "sscard.audit.login";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final LoginAuditTable table;

    LoginAudit(LoginAuditTable table) {
        this.table = table;
    }

    void success(LoginProfile profile, CardHolder holder, String clientAddress) {
        table.insert(new LoginAuditTable.Entry(
                LoginAuditTable.CARD_LOGIN,
                true,
                null,
                null,
                profile,
                holder.certificateSerial(),
                null,
                clientAddress,
                holder.subject()));
        log.atInfo()
                .setMessage("card login accepted")
                .addKeyValue("event.action", "card-login")
                .addKeyValue("event.outcome", "success")
                .addKeyValue("sscard.login.profile", profile.name())
                .addKeyValue("sscard.login.certificate_serial", holder.certificateSerial())
                .addKeyValue("sscard.login.subject", holder.subject())
                .addKeyValue("client.address", clientAddress)
                .log();
    }

    void refused(LoginProfile profile, String certificateSerial, LoginRefusedException refusal, String clientAddress) {
        log.atWarn()
                .setMessage("card login refused: " + refusal.refusal())
                .addKeyValue("event.action", "card-login")
                .addKeyValue("event.outcome", "failure")
                .addKeyValue("event.reason", refusal.refusal().name())
                .addKeyValue("sscard.login.detail", refusal.getMessage())
                .addKeyValue("sscard.login.profile", profile.name())
                .addKeyValue("sscard.login.certificate_serial", certificateSerial)
                .addKeyValue("client.address", clientAddress)
                .log();
        try {
            table.insert(new LoginAuditTable.Entry(
                    LoginAuditTable.CARD_LOGIN,
                    false,
                    refusal.refusal().name(),
                    refusal.validatorReason(),
                    profile,
                    certificateSerial,
                    null,
                    clientAddress,
                    null));
        } catch (DataAccessException e) {
            log.error("login audit row not written for a refused login; the log event above is its record", e);
        }
    }
}
