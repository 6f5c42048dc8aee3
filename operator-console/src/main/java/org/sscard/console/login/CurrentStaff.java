package org.sscard.console.login;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The operator of a login, from its ID token. */
public final class CurrentStaff {

    private CurrentStaff() {}

    /** The operator, or null when the login is none of an operator's (or there is no login). */
    public static Staff of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Staff.fromClaims(user.getIdToken().getClaims());
        }
        return null;
    }

    /** Whether the login holds any console permission at all. */
    public static boolean hasAnyPermission(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority ->
                                authority instanceof Permission || isPermissionName(authority.getAuthority()));
    }

    private static boolean isPermissionName(String name) {
        for (Permission permission : Permission.values()) {
            if (permission.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
