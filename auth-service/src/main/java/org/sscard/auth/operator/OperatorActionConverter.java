package org.sscard.auth.operator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads an operator-action token request (RFC 6749 §4.5 extension grant, parameters as RFC 8693 names them) from the
 * form; every parameter at most once. Malformed input is refused before anything is looked up, and audited like
 * every other refusal.
 */
final class OperatorActionConverter implements AuthenticationConverter {

    /** Far more than any access token this service issues (a JWT of some 1.5 KB); a bound on what is looked up. */
    private static final int MAX_TOKEN_CHARS = 8_192;
    /** A service name or a provider key. */
    private static final Pattern AUDIENCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final OperatorGrantAudit audit;

    OperatorActionConverter(OperatorGrantAudit audit) {
        this.audit = audit;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!OperatorAction.GRANT_TYPE.getValue().equals(request.getParameter("grant_type"))) {
            return null;
        }
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        String audience = null;
        try {
            audience = audience(request);
            String actorToken = required(request, "actor_token");
            if (actorToken.length() > MAX_TOKEN_CHARS) {
                throw invalid("actor_token is too long");
            }
            if (!OperatorAction.ACCESS_TOKEN_TYPE.equals(required(request, "actor_token_type"))) {
                throw invalid("actor_token_type must be " + OperatorAction.ACCESS_TOKEN_TYPE);
            }
            String requested = optional(request, "requested_token_type");
            if (requested != null && !OperatorAction.ACCESS_TOKEN_TYPE.equals(requested)) {
                throw invalid("requested_token_type must be " + OperatorAction.ACCESS_TOKEN_TYPE);
            }
            if (optional(request, "resource") != null) {
                throw new OperatorActionRefused(
                        OperatorRefusal.AUDIENCE_NOT_ALLOWED, "name the service by audience, not resource");
            }
            if (optional(request, "scope") != null) {
                throw new OperatorActionRefused(OperatorRefusal.SCOPE_NOT_SUPPORTED, "the grant takes no scope");
            }
            return new OperatorActionRequest(client, actorToken, audience);
        } catch (OperatorActionRefused refused) {
            audit.refused(GrantAttempt.of(client, request.getRemoteAddr(), audience), refused.refusal());
            throw refused;
        }
    }

    /** The one service asked for: a service name or a provider key, nothing else (a URI is a {@code resource}). */
    private static String audience(HttpServletRequest request) {
        String audience = required(request, "audience");
        if (!AUDIENCE.matcher(audience).matches()) {
            throw invalid("audience must be a service name or a provider key");
        }
        return audience;
    }

    private static String required(HttpServletRequest request, String name) {
        String value = optional(request, name);
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static String optional(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        if (values.length > 1) {
            throw invalid(name + " must be given once");
        }
        return values[0];
    }

    private static OperatorActionRefused invalid(String description) {
        return new OperatorActionRefused(OperatorRefusal.MALFORMED_REQUEST, description);
    }
}
