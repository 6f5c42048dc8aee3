package org.sscard.relay.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking and why, for the access log: the authenticated service client, the person or staff member it
 * acts for ({@code Sscard-Acting-For}, e.g. {@code staff:<id>}), and the purpose ({@code Sscard-Purpose}).
 */
@Component
public class Caller {

    static final String ACTING_FOR = "Sscard-Acting-For";
    static final String PURPOSE = "Sscard-Purpose";

    public String client() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    public String actingFor() {
        return header(ACTING_FOR, 120);
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
