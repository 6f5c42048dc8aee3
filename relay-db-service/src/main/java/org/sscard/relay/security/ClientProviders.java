package org.sscard.relay.security;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which providers a service client may resolve and reverse-resolve IDs for ({@code sscard.relay.client-providers}):
 * a provider's own client only for its own provider(s), never for another's; only a client bound to {@code "*"}
 * (the city office) for all. Used in the controllers' authorization expressions as {@code @clientProviders}.
 */
@Component("clientProviders")
public class ClientProviders {

    private final Map<String, Set<String>> bindings;

    ClientProviders(ClientProperties properties) {
        this.bindings = properties.clientProviders();
    }

    /** True if the authenticated client is bound to {@code providerKey} (or to every provider). */
    public boolean allow(Authentication authentication, String providerKey) {
        if (authentication == null || providerKey == null) {
            return false;
        }
        Set<String> bound = bindings.getOrDefault(authentication.getName(), Set.of());
        return bound.contains(ClientProperties.ANY_PROVIDER) || bound.contains(providerKey);
    }
}
