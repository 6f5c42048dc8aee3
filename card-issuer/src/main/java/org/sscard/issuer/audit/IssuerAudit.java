package org.sscard.issuer.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CA's audit trail. An accepted change is recorded in the change's own transaction (both commit or neither);
 * a refusal in a transaction of its own, written after the refused request's transaction rolled back, so that it
 * stays on record while nothing was issued or changed.
 */
@Component
public class IssuerAudit {

    private static final Logger log = LoggerFactory.getLogger(IssuerAudit.class);

    private final JdbcClient jdbc;

    IssuerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the change's transaction: the change and its audit row commit together, on one connection. */
    @Transactional(propagation = Propagation.MANDATORY)
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
                .param("actor", actor())
                .param("action", action)
                .param("outcome", outcome)
                .param("reason", reason == null ? null : reason.substring(0, Math.min(300, reason.length())))
                .param("holder", holderRef)
                .param("serial", serial)
                .update();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
