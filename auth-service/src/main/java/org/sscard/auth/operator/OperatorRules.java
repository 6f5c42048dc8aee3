package org.sscard.auth.operator;

import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;
import org.sscard.common.operator.Operator;

/**
 * Who may be an operator, and where: a staff member's card login through this same client, as a city or insurer
 * administrator of a consistent organisation; the relay for both, the card issuer for the city's, and an insurer's
 * own adapters for that insurer's (the audience is then the organisation itself).
 */
final class OperatorRules {

    /** The back ends by service name (their tokens' audience). */
    static final String RELAY = "relay-db-service";

    static final String CARD_ISSUER = "card-issuer";

    private static final Set<String> ROLES = Set.of(Operator.CITY_ADMIN, Operator.INSURER_ADMIN);

    /** The operator the token names: opaque staff ID, role, organisation, their staff card (hex serial) and name. */
    record Staff(UUID id, String role, String organisation, String certificateSerial, String name) {}

    private OperatorRules() {}

    /** The staff member, if the actor token's login may act through {@code client} here; else a refusal. */
    static Staff staff(ActorTokens.Actor actor, RegisteredClient client) {
        if (!client.getId().equals(actor.issuedTo())) {
            throw refused(OperatorRefusal.ACTOR_OF_ANOTHER_CLIENT, "the actor token was issued to another client");
        }
        CardHolder holder = actor.holder();
        if (holder.profile() != LoginProfile.STAFF || holder.certificateSerial() == null) {
            throw refused(OperatorRefusal.ACTOR_NOT_STAFF, "the actor is not a staff member");
        }
        if (!ROLES.contains(holder.role())) {
            throw refused(OperatorRefusal.ROLE_NOT_OPERATOR, "the actor is not a city or insurer administrator");
        }
        String organisation = holder.organisation();
        if (organisation == null
                || organisation.isBlank()
                || Operator.CITY_ADMIN.equals(holder.role()) != Operator.CITY.equals(organisation)) {
            throw refused(OperatorRefusal.ORGANISATION_INCONSISTENT, "the actor's organisation does not fit the role");
        }
        UUID id;
        try {
            id = UUID.fromString(holder.subject());
        } catch (IllegalArgumentException e) {
            throw refused(OperatorRefusal.ACTOR_NOT_STAFF, "the actor is not a staff member");
        }
        if (!id.toString().equals(holder.subject())) {
            throw refused(OperatorRefusal.ACTOR_NOT_STAFF, "the actor is not a staff member");
        }
        return new Staff(id, holder.role(), organisation, holder.certificateSerial(), holder.name());
    }

    /**
     * The audience, if this operator may act there: the relay (both roles), the card issuer (city only), or the
     * insurer they administer (its provider key is their organisation). The card issuer is checked before the
     * organisation, so that no provider key that happened to equal a service's name could open that service.
     */
    static void requireAudience(Staff staff, String audience) {
        boolean city = Operator.CITY_ADMIN.equals(staff.role());
        boolean allowed = switch (audience) {
            case RELAY -> true;
            case CARD_ISSUER -> city;
            default -> !city && staff.organisation().equals(audience);
        };
        if (!allowed) {
            throw refused(
                    OperatorRefusal.AUDIENCE_NOT_ALLOWED,
                    staff.role() + " of " + staff.organisation() + " may not act at " + audience);
        }
    }

    private static OperatorActionRefused refused(OperatorRefusal refusal, String description) {
        return new OperatorActionRefused(refusal, description);
    }
}
