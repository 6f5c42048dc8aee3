package org.sscard.auth.login;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log event per card-login attempt (logger {@code sscard.audit.login}): outcome, reason, profile, certificate
 * serial, client address and, on success, the opaque subject. Never the personal ID or the certificate subject.
 */
@Component
class LoginAudit {

    static final String LOGGER = "sscard.audit.login";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    void success(LoginProfile profile, CardHolder holder, String clientAddress) {
        log.atInfo().setMessage("card login accepted")
                .addKeyValue("event.action", "card-login").addKeyValue("event.outcome", "success")
                .addKeyValue("sscard.login.profile", profile.name())
                .addKeyValue("sscard.login.certificate_serial", holder.certificateSerial())
                .addKeyValue("sscard.login.subject", holder.subject())
                .addKeyValue("client.address", clientAddress).log();
    }

    void refused(LoginProfile profile, String certificateSerial, LoginRefusedException refusal,
                 String clientAddress) {
        log.atWarn().setMessage("card login refused: " + refusal.refusal())
                .addKeyValue("event.action", "card-login").addKeyValue("event.outcome", "failure")
                .addKeyValue("event.reason", refusal.refusal().name())
                .addKeyValue("sscard.login.detail", refusal.getMessage())
                .addKeyValue("sscard.login.profile", profile.name())
                .addKeyValue("sscard.login.certificate_serial", certificateSerial)
                .addKeyValue("client.address", clientAddress).log();
    }
}
