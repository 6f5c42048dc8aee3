package org.sscard.relay.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.sscard.common.operator.Operator;

/**
 * Who is asking and why, for the access log: the authenticated service client, the person or staff member it
 * acts for ({@code Sscard-Acting-For}, e.g. {@code staff:<id>}), and the purpose ({@code Sscard-Purpose}). For an
 * operator token (the operators' console acting for a staff member) the staff member is the token's actor
 * ({@link Operator#actor()}), signed by the platform issuer; a header can neither replace nor add to it.
 */
@Component
public class Caller {

    static final String ACTING_FOR = "Sscard-Acting-For";
    static final String PURPOSE = "Sscard-Purpose";
    static final int BY_LENGTH = 80;

    public String client() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    public String actingFor() {
        Optional<Operator> operator = operator();
        return operator.isPresent() ? operator.get().actor() : header(ACTING_FOR, 120);
    }

    /**
     * Who did it, for a register's "by" column (at most {@value #BY_LENGTH} characters): the staff member acted for if
     * named, else the client.
     */
    public String by() {
        String actingFor = actingFor();
        String by = actingFor == null ? client() : actingFor;
        return by.length() > BY_LENGTH ? by.substring(0, BY_LENGTH) : by;
    }

    /** The operator the current request's token names, if it is an operator token. */
    public Optional<Operator> operator() {
        return Operator.of(SecurityContextHolder.getContext().getAuthentication());
    }

    public String purposeOr(String defaultPurpose) {
        String purpose = header(PURPOSE, 200);
        return purpose == null ? defaultPurpose : purpose;
    }

    private static String header(String name, int maxLength) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > maxLength ? clean.substring(0, maxLength) : clean;
    }
}
