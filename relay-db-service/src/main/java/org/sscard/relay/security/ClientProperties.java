package org.sscard.relay.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's service clients and what each may do ({@code sscard.relay.clients}: client ID → authorities; deny
 * by default), and for which providers a client may resolve and reverse-resolve IDs ({@code
 * sscard.relay.client-providers}: client ID → provider keys, {@code "*"} for every provider; a client with
 * {@code RESOLVE} or {@code REVERSE_RESOLVE} must be bound here, or the relay does not start). The providers declared
 * in configuration are {@code ProviderProperties}, under the same prefix.
 */
@ConfigurationProperties("sscard.relay")
@Validated
public record ClientProperties(
        @NotEmpty Map<String, Set<RelayAuthority>> clients,
        @DefaultValue Map<String, Set<String>> clientProviders) {

    /** Stands for every provider in {@code client-providers} (the city office maps people for all of them). */
    public static final String ANY_PROVIDER = "*";

    public ClientProperties {
        clients = Map.copyOf(clients == null ? Map.of() : clients);
        clientProviders = Map.copyOf(clientProviders == null ? Map.of() : clientProviders);
        for (Map.Entry<String, Set<RelayAuthority>> client : clients.entrySet()) {
            boolean resolves = client.getValue().contains(RelayAuthority.RESOLVE)
                    || client.getValue().contains(RelayAuthority.REVERSE_RESOLVE);
            if (resolves
                    && clientProviders.getOrDefault(client.getKey(), Set.of()).isEmpty()) {
                throw new IllegalStateException("sscard.relay.client-providers." + client.getKey()
                        + " must name the providers that client resolves IDs for: it holds RESOLVE or REVERSE_RESOLVE");
            }
        }
        for (String client : clientProviders.keySet()) {
            if (!clients.containsKey(client)) {
                throw new IllegalStateException(
                        "sscard.relay.client-providers names '" + client + "', which is not in sscard.relay.clients");
            }
        }
    }
}
