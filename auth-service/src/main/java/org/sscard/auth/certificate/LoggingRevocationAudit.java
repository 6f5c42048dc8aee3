package org.sscard.auth.certificate;

import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audit events as structured log records (ECS JSON in the service log) under the {@code sscard.audit} logger. */
public final class LoggingRevocationAudit implements RevocationAudit {

    private static final Logger audit = LoggerFactory.getLogger("sscard.audit");

    @Override
    public void failedOpen(X509Certificate certificate, String why) {
        audit.atWarn()
                .addKeyValue("event.action", "revocation-fail-open")
                .addKeyValue(
                        "certificate.subject",
                        certificate.getSubjectX500Principal().getName())
                .addKeyValue("certificate.serial", certificate.getSerialNumber().toString(16))
                .log("accepted without revocation status (fail-open relying party): {}", why);
    }
}
