package org.sscard.issuer.audit;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.operator.Operator;

/**
 * The CA's audit trail. An accepted change is recorded in the change's own transaction (both commit or neither);
 * a refusal in a transaction of its own, written after the refused request's transaction rolled back, so that it
 * stays on record while nothing was issued or changed. {@code actor} is the calling client (or {@code system}, or
 * {@code anonymous} on the one open API path); for an operator token the staff member it acts for is recorded
 * beside it: their opaque staff ID, role and organisation.
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

    /** The same, with the reason the caller gave for the change (e.g. why a card is reissued). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accepted(String action, String holderRef, String serial, String reason) {
        write(action, "ACCEPTED", reason, holderRef, serial);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String action, String reason, String holderRef, String serial) {
        write(action, "REFUSED", reason, holderRef, serial);
        log.info("refused {}: {}", action, reason);
    }

    private void write(String action, String outcome, String reason, String holderRef, String serial) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Operator> operator = Operator.of(authentication);
        jdbc.sql("""
                        INSERT INTO issuer_audit (actor, action, outcome, reason, holder_ref, serial,
                                                  operator_staff_id, operator_role, operator_organisation)
                        VALUES (:actor, :action, :outcome, :reason, :holder, :serial,
                                :staff, :role, :organisation)""")
                .param("actor", actor(authentication))
                .param("action", action)
                .param("outcome", outcome)
                .param("reason", reason == null ? null : reason.substring(0, Math.min(300, reason.length())))
                .param("holder", holderRef)
                .param("serial", serial)
                .param("staff", operator.map(o -> UUID.fromString(o.staffId())).orElse(null))
                .param("role", operator.map(Operator::role).orElse(null))
                .param("organisation", operator.map(Operator::organisation).orElse(null))
                .update();
    }

    private static String actor(Authentication authentication) {
        if (authentication == null) {
            return "system";
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        String name = authentication.getName();
        return name.substring(0, Math.min(80, name.length()));
    }
}
