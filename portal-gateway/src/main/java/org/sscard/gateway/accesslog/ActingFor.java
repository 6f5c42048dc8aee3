package org.sscard.gateway.accesslog;

import java.util.Set;
import java.util.UUID;

/**
 * Whom the calling service acted for in a relay access-log row, as the page says it: the resident themself, or a
 * staff member by role. The relay writes a staff member as {@code staff:<uuid>}, an opaque ID that means nothing to
 * the resident and is never shown. The gateway may not read staff records (least privilege, docs/security.md), so
 * the role is the one the relay lets that caller act for with that action: the operators' console acts only for
 * operators, and an insurer's administrator holds only the member list, enrolment and its end (mapping rows) and the
 * link reviews, a city administrator everything else (the relay's operator roles); the card issuer acts only for city administrators;
 * auth-service for counter staff (a reception check, or a token the resident let them have at a counter).
 */
enum ActingFor {
    YOU,
    CITY_ADMIN,
    INSURER_ADMIN,
    COUNTER_STAFF,
    /** A staff member whose role the row does not tell. */
    STAFF,
    /** Someone the row names in a way the page does not know: said so, not shown raw. */
    SOMEONE_ELSE;

    // an insurer's administrator also reads and decides the link reviews of their insurer (issue 18)
    private static final Set<String> INSURER_ADMIN_ACTIONS =
            Set.of("MEMBERS_READ", "MAPPING_REGISTER", "MAPPING_END", "LINK_REVIEW_READ", "LINK_REVIEW_DECIDED");

    /** Null when the row names nobody (the service acted on its own). */
    static ActingFor of(String actingFor, UUID person, String caller, String action) {
        if (actingFor == null) {
            return null;
        }
        if (actingFor.equals("person:" + person)) {
            return YOU;
        }
        if (!actingFor.startsWith("staff:")) {
            return SOMEONE_ELSE;
        }
        return switch (String.valueOf(caller)) {
            case "operator-console" -> INSURER_ADMIN_ACTIONS.contains(action) ? INSURER_ADMIN : CITY_ADMIN;
            case "card-issuer" -> CITY_ADMIN;
            case "auth-service" -> COUNTER_STAFF;
            default -> STAFF;
        };
    }
}
