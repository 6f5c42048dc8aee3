package org.sscard.common.operator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.sscard.common.token.ServiceTokenVerification;

/**
 * The staff member an operator client (the operators' console) acts for, as its operator token names them in the
 * RFC 8693 {@code act} claim: their opaque staff ID ({@code act.sub}), role and organisation on the staff record
 * ({@code city} for the city office, else a provider key) and, when known, their name. The token's own {@code sub}
 * is the client; a service authorises by the role and organisation here, and writes the staff ID into its records,
 * so that every register says which person did what.
 */
public record Operator(String client, String staffId, String role, String organisation, String name) {

    /** The {@code gty} value that marks an operator token (the grant {@link #GRANT_TYPE}). */
    public static final String GRANT_CLAIM_VALUE = "operator-action";

    /** The extension grant by which an operator client obtains such a token at the platform issuer. */
    public static final String GRANT_TYPE = "urn:sscard:params:oauth:grant-type:operator-action";

    public static final String CITY_ADMIN = "CITY_ADMIN";
    public static final String INSURER_ADMIN = "INSURER_ADMIN";

    /** The organisation of the city office's staff. */
    public static final String CITY = "city";

    private static final Set<String> ROLES = Set.of(CITY_ADMIN, INSURER_ADMIN);

    /**
     * The operator a token names, if it is a well-formed operator token: {@code sub} = {@code client_id},
     * {@code gty} = {@value #GRANT_CLAIM_VALUE}, an {@code act} with a UUID {@code sub}, an operator role and an
     * organisation, and none of a login's claims. Anything else (a client's own token, a resident's) is not one.
     */
    public static Optional<Operator> of(Jwt jwt) {
        String client = jwt.getSubject();
        if (client == null
                || !client.equals(jwt.getClaimAsString("client_id"))
                || !GRANT_CLAIM_VALUE.equals(jwt.getClaimAsString(ServiceTokenVerification.GRANT_TYPE_CLAIM))
                || jwt.hasClaim("may_act")
                || jwt.hasClaim("login_profile")
                || !(jwt.getClaims().get("act") instanceof Map<?, ?> act)) {
            return Optional.empty();
        }
        String staffId = text(act.get("sub"));
        String role = text(act.get("role"));
        String organisation = text(act.get("organisation"));
        if (!isUuid(staffId) || !ROLES.contains(role) || organisation == null || organisation.isBlank()) {
            return Optional.empty();
        }
        if (CITY_ADMIN.equals(role) != CITY.equals(organisation)) {
            return Optional.empty();
        }
        return Optional.of(new Operator(client, staffId, role, organisation, text(act.get("name"))));
    }

    /** The operator behind the current request's authentication, if it was made from an operator token. */
    public static Optional<Operator> of(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token ? of(token.getToken()) : Optional.empty();
    }

    public boolean isCityAdmin() {
        return CITY_ADMIN.equals(role);
    }

    /** Whether this is an administrator of that provider (an insurer's own administrator). */
    public boolean administers(String providerKey) {
        return INSURER_ADMIN.equals(role) && organisation.equals(providerKey);
    }

    /** How the operator is written into a register's "acting for" or "by" column: {@code staff:<id>}. */
    public String actor() {
        return "staff:" + staffId;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
