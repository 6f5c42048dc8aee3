package org.sscard.adapters.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token and the caller it names; the principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final transient Jwt token;
    private final Caller caller;

    CallerAuthentication(Jwt token, Caller caller, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.token = token;
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
