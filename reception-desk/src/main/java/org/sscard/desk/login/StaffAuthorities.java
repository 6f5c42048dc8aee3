package org.sscard.desk.login;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * {@link DeskAuthority#CLERK} (and {@link DeskAuthority#ADMIN} for a hospital administrator) only for an ID token of
 * a staff card login with a reception role; a resident card, or staff of another role, logs in but gets nothing and
 * is shown the refusal page.
 */
@Component
class StaffAuthorities implements GrantedAuthoritiesMapper {

    @Override
    public Set<GrantedAuthority> mapAuthorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                Clerk clerk = Clerk.fromClaims(oidc.getIdToken().getClaims());
                if (clerk != null) {
                    mapped.add(DeskAuthority.CLERK);
                    if (clerk.isAdmin()) {
                        mapped.add(DeskAuthority.ADMIN);
                    }
                }
            }
        }
        return mapped;
    }
}
