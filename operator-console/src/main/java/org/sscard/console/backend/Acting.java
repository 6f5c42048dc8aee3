package org.sscard.console.backend;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.sscard.console.login.CurrentStaff;
import org.sscard.console.login.Staff;

/**
 * The operator a back-end call is made for, and their own access token from the staff card login: the actor token of
 * the operator-action grant. Without it no call is made at all.
 */
public record Acting(Staff staff, String actorToken) {

    public Acting {
        if (staff == null || actorToken == null || actorToken.isBlank()) {
            throw new IllegalArgumentException("a back-end call needs the operator and their own access token");
        }
    }

    /** The operator of this login, with the access token of their session (renewed when about to expire). */
    public static Acting of(Authentication authentication, OAuth2AuthorizedClient client) {
        return new Acting(
                CurrentStaff.of(authentication),
                client == null ? null : client.getAccessToken().getTokenValue());
    }
}
