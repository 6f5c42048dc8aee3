package org.sscard.gateway.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.sscard.common.provider.ProviderKey;
import org.sscard.gateway.config.PortalProperties;
import reactor.core.publisher.Mono;

/**
 * Where each provider lives, from the relay's registry: a provider registered there (configuration or API) is
 * reachable behind {@code /p/{key}/} within {@code registry-ttl}, without a route in the gateway's code.
 */
@Component
public class ProviderDirectory {

    private record Entry(RelayRecords.Provider provider, Instant until) {}

    private final RelayClient relay;
    private final Clock clock;
    private final PortalProperties portal;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    ProviderDirectory(RelayClient relay, Clock clock, PortalProperties portal) {
        this.relay = relay;
        this.clock = clock;
        this.portal = portal;
    }

    /** The provider, or empty when the relay does not know the key. */
    public Mono<RelayRecords.Provider> find(String key) {
        if (!ProviderKey.isValid(key)) {
            return Mono.empty();
        }
        Entry cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return Mono.just(cached.provider());
        }
        return relay.provider(key)
                .doOnNext(provider ->
                        cache.put(key, new Entry(provider, clock.instant().plus(portal.registryTtl()))));
    }
}
