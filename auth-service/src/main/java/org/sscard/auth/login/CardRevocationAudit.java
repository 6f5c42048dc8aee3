package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.auth.certificate.RevocationAudit;

/**
 * Fail-open acceptances in card logins, in the login audit log and the {@code login_audit} table (a row that cannot
 * be written fails the login: the acceptance is only allowed on the condition that it is audited). Unlike the validator's
 * {@code LoggingRevocationAudit} it leaves out the certificate subject: on a resident card that is the personal ID,
 * which the login audit never holds. The serial and issuer are enough to find the card.
 */
final class CardRevocationAudit implements RevocationAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.LOGGER);

    private final LoginAuditTable table;

    CardRevocationAudit(LoginAuditTable table) {
        this.table = table;
    }

    @Override
    public void failedOpen(X509Certificate certificate, String why) {
        log.atWarn()
                .setMessage("card accepted without revocation status (revocation-fail-open is on)")
                .addKeyValue("event.action", "revocation-fail-open")
                .addKeyValue(
                        "sscard.login.certificate_serial",
                        certificate.getSerialNumber().toString(16))
                .addKeyValue(
                        "sscard.login.certificate_issuer",
                        certificate.getIssuerX500Principal().getName())
                // the checkers' messages may name the subject; keep the personal ID out
                .addKeyValue(
                        "sscard.login.detail",
                        why.replace(certificate.getSubjectX500Principal().getName(), "[subject]"))
                .log();
        // the checkers' free-text reason stays in the log; the row holds codes only
        table.insert(new LoginAuditTable.Entry(
                LoginAuditTable.REVOCATION_FAIL_OPEN,
                true,
                "REVOCATION_UNKNOWN",
                null,
                null,
                certificate.getSerialNumber().toString(16),
                certificate.getIssuerX500Principal().getName(),
                null,
                null));
    }
}
