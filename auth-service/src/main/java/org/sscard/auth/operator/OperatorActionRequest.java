package org.sscard.auth.operator;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** An operator-action token request, read from the form: the operator's own access token and the back end asked for. */
final class OperatorActionRequest extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String actorToken;
    private final String audience;

    OperatorActionRequest(Authentication client, String actorToken, String audience) {
        super(OperatorAction.GRANT_TYPE, client, Map.of());
        this.actorToken = actorToken;
        this.audience = audience;
    }

    String actorToken() {
        return actorToken;
    }

    String audience() {
        return audience;
    }
}
