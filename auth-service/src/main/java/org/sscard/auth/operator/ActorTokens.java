package org.sscard.auth.operator;

import java.security.Principal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;

/**
 * The login behind an actor token, from the authorization store: only an access token this service issued and that
 * is still active there counts — not expired, not revoked, not ended by the logout of its login (which invalidates
 * it in the store) — so a token's signature alone never does.
 */
final class ActorTokens {

    /** The card login an active access token was issued for, and the client (registered ID) it was issued to. */
    record Actor(String issuedTo, CardHolder holder) {}

    private final OAuth2AuthorizationService authorizations;

    ActorTokens(OAuth2AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    Actor require(String actorToken) {
        OAuth2Authorization authorization = authorizations.findByToken(actorToken, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2AccessToken> access =
                authorization == null ? null : authorization.getAccessToken();
        if (access == null
                || !access.isActive()
                || !actorToken.equals(access.getToken().getTokenValue())) {
            throw new OperatorActionRefused(
                    OperatorRefusal.ACTOR_NOT_ACTIVE, "the actor token is not an active access token of this service");
        }
        Object principal = authorization.getAttribute(Principal.class.getName());
        if (!(principal instanceof CardAuthentication card)) {
            throw new OperatorActionRefused(
                    OperatorRefusal.ACTOR_NOT_STAFF, "the actor token is not from a card login");
        }
        return new Actor(authorization.getRegisteredClientId(), card.holder());
    }
}
