package org.sscard.relay.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.sscard.common.secret.ServiceSecrets;
import org.sscard.relay.config.DataDirectory;
import org.sscard.relay.config.RelayProperties;

/**
 * Authenticates service clients by their generated secret (HTTP Basic). A constant-time compare, no password
 * hashing: the secrets are 256-bit random values, not human passwords, and every request pays for this check.
 */
class ServiceClientAuthenticationProvider implements AuthenticationProvider {

    private final Map<String, String> secrets;
    private final Map<String, Set<RelayAuthority>> authorities;

    ServiceClientAuthenticationProvider(RelayProperties properties, DataDirectory dataDirectory) {
        ServiceSecrets store = new ServiceSecrets(dataDirectory.dataDir(), "relay");
        this.authorities = Map.copyOf(properties.clients());
        this.secrets = properties.clients().keySet().stream()
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
