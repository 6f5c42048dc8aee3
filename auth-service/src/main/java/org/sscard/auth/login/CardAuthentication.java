package org.sscard.auth.login;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated card login; its name is the token subject. */
public class CardAuthentication extends AbstractAuthenticationToken {

    private final CardHolder holder;

    public CardAuthentication(CardHolder holder) {
        super(authorities(holder));
        this.holder = holder;
        setAuthenticated(true);
    }

    public CardHolder holder() {
        return holder;
    }

    @Override
    public Object getPrincipal() {
        return holder;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return holder.subject();
    }

    private static List<GrantedAuthority> authorities(CardHolder holder) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + holder.profile().name()));
        if (holder.role() != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + holder.role()));
        }
        return authorities;
    }
}
