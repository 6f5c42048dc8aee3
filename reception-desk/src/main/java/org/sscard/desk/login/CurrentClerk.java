package org.sscard.desk.login;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The clerk of a login: from the ID token (pages) or from the bearer access token (API). */
public final class CurrentClerk {

    private CurrentClerk() {}

    /** The clerk, or null when the login is none of a reception role's. */
    public static Clerk of(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Clerk.fromClaims(user.getIdToken().getClaims());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Clerk.fromClaims(token.getToken().getClaims());
        }
        return null;
    }
}
