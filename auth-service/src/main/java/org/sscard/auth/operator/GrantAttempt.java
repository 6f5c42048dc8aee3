package org.sscard.auth.operator;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.sscard.auth.login.CardHolder;

/**
 * What an operator-action request is known to be so far, for its audit: the client (when it authenticated), its
 * address, the audience asked for (when well formed), and once the actor token is found, whose login it is. Never
 * the tokens themselves.
 */
record GrantAttempt(
        String clientId,
        String clientAddress,
        String audience,
        String subject,
        String profile,
        String role,
        String organisation,
        String certificateSerial) {

    static GrantAttempt of(Authentication client, String clientAddress, String audience) {
        String clientId = client instanceof OAuth2ClientAuthenticationToken authenticated
                        && authenticated.isAuthenticated()
                        && authenticated.getRegisteredClient() != null
                ? authenticated.getRegisteredClient().getClientId()
                : null;
        return new GrantAttempt(clientId, clientAddress, audience, null, null, null, null, null);
    }

    static GrantAttempt of(OperatorActionRequest request) {
        String address =
                request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        return of((Authentication) request.getPrincipal(), address, request.audience());
    }

    GrantAttempt by(CardHolder holder) {
        return new GrantAttempt(
                clientId,
                clientAddress,
                audience,
                holder.subject(),
                holder.profile().name(),
                holder.role(),
                holder.organisation(),
                holder.certificateSerial());
    }
}
