package org.sscard.console.login;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * The console's permissions of a login, from its ID token: the role's set ({@link ConsoleRole}) for an operator, and
 * none for anyone else (who logs in, lands on the refusal page and can only log out). The login's own authorities
 * (OIDC_USER, its scopes) stay, but no page asks for them.
 */
@Component
class StaffAuthorities implements GrantedAuthoritiesMapper {

    @Override
    public Set<GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                Staff staff = Staff.fromClaims(oidc.getIdToken().getClaims());
                if (staff != null) {
                    mapped.addAll(staff.consoleRole().permissions());
                }
            }
        }
        return mapped;
    }
}
