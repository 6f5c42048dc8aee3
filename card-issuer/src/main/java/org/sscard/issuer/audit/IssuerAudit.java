package org.sscard.issuer.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CA's audit trail. Written in its own transaction, so that a refused request — whose own transaction rolls
 * back and issues nothing — still leaves its refusal on record.
 */
@Component
public class IssuerAudit {

    private static final Logger log = LoggerFactory.getLogger(IssuerAudit.class);

    private final JdbcClient jdbc;

    IssuerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void accepted(String action, String holderRef, String serial) {
        write(action, "ACCEPTED", null, holderRef, serial);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String action, String reason, String holderRef, String serial) {
        write(action, "REFUSED", reason, holderRef, serial);
        log.info("refused {}: {}", action, reason);
    }

    private void write(String action, String outcome, String reason, String holderRef, String serial) {
        jdbc.sql("""
                        INSERT INTO issuer_audit (actor, action, outcome, reason, holder_ref, serial)
                        VALUES (:actor, :action, :outcome, :reason, :holder, :serial)""")
                .param("actor", actor()).param("action", action).param("outcome", outcome)
                .param("reason", reason == null ? null : reason.substring(0, Math.min(300, reason.length())))
                .param("holder", holderRef).param("serial", serial)
                .update();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
