package org.sscard.common.secret;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Authenticates service clients (HTTP Basic) by the secret generated for each in the data directory. A
 * constant-time compare, no password hashing: the secrets are 256-bit random values, not human passwords, and
 * every request pays for this check. The auth-service issue replaces these with client-credentials tokens.
 */
public class ServiceClientAuthentication implements AuthenticationProvider {

    private final Map<String, String> secrets;
    private final Map<String, ? extends Collection<? extends GrantedAuthority>> authorities;

    /** {@code clients}: client name → what it may do; realm: the service whose clients these are. */
    public ServiceClientAuthentication(Path dataDirectory, String realm,
                                       Map<String, ? extends Collection<? extends GrantedAuthority>> clients) {
        ServiceSecrets store = new ServiceSecrets(dataDirectory, realm);
        this.authorities = Map.copyOf(clients);
        this.secrets = clients.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(client -> client, store::getOrCreate));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getName();
        String expected = secrets.get(client);
        Object presented = authentication.getCredentials();
        if (expected == null || !ServiceSecrets.matches(expected, presented == null ? null : presented.toString())) {
            throw new BadCredentialsException("unknown client or wrong secret");
        }
        return UsernamePasswordAuthenticationToken.authenticated(client, null, authorities.get(client));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
