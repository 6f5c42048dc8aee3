package org.sscard.auth.reception;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/**
 * The clerk behind a reception check, from the actor token: an access token this service issued to one of the desk's
 * clients and still active (looked up in the authorization store, so a revoked or logged-out token no longer
 * counts), from a staff card login, of a role that checks patients at a hospital desk, with an organisation.
 */
final class ReceptionClerks {

    /** Who checks: the clerks, and the hospital's administrator (who also oversees them). */
    static final Set<String> CHECKING_ROLES = Set.of("RECEPTION_CLERK", "HOSPITAL_ADMIN");

    /**
     * The clerk: staff ID (their token's subject), role, organisation (the hospital's provider key) and the certificate
     * serial (hex) of the staff card they logged in with, which the relay checks is still active at every check.
     */
    record Clerk(UUID staffId, String role, String organisation, String certificateSerial) {}

    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final Set<String> actorClients;

    ReceptionClerks(
            OAuth2AuthorizationService authorizations, RegisteredClientRepository clients, Set<String> actorClients) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.actorClients = Set.copyOf(actorClients);
    }

    Clerk require(String actorToken) {
        OAuth2Authorization authorization = authorizations.findByToken(actorToken, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2AccessToken> access =
                authorization == null ? null : authorization.getAccessToken();
        if (access == null
                || !access.isActive()
                || !actorToken.equals(access.getToken().getTokenValue())) {
            throw refused("the actor token is not an active access token of this service");
        }
        RegisteredClient issuedTo = clients.findById(authorization.getRegisteredClientId());
        if (issuedTo == null || !actorClients.contains(issuedTo.getClientId())) {
            throw refused("the actor token was not issued to a reception client");
        }
        Object principal = authorization.getAttribute(Principal.class.getName());
        if (!(principal instanceof CardAuthentication card)) {
            throw refused("the actor token is not from a card login");
        }
        CardHolder holder = card.holder();
        if (holder.profile() != LoginProfile.STAFF
                || !CHECKING_ROLES.contains(holder.role())
                || holder.organisation() == null
                || holder.certificateSerial() == null) {
            throw refused("the actor is not reception staff");
        }
        try {
            return new Clerk(
                    UUID.fromString(holder.subject()),
                    holder.role(),
                    holder.organisation(),
                    holder.certificateSerial());
        } catch (IllegalArgumentException e) {
            throw refused("the actor is not a staff member");
        }
    }

    private static ReceptionRefusal refused(String description) {
        return new ReceptionRefusal(ReceptionError.INVALID_GRANT, description);
    }
}
