package org.sscard.gateway.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * My Portal's tiles from the relay's menu (registry, subscriptions and mappings): one tile per provider, one link
 * per joined service. A proxied provider's link goes through {@code /p/<provider>/}; a SAML provider's straight to
 * the provider's own page (its base URL from the relay's registry), where the provider starts SP-initiated SSO with
 * a signed AuthnRequest bound to that browser (no unsolicited Responses: they would allow login CSRF). Each provider
 * is probed in parallel.
 */
@Component
class Tiles {

    static final String INSURER = "INSURER";

    private final RelayClient relay;
    private final ProviderProbe probe;

    Tiles(RelayClient relay, ProviderProbe probe) {
        this.relay = relay;
        this.probe = probe;
    }

    Mono<List<Tile>> forResident(ServerWebExchange exchange, UUID person) {
        return relay.menu(person).flatMap(menu -> {
            Map<String, Tile> tiles = new LinkedHashMap<>();
            Map<String, String> baseUrls = new LinkedHashMap<>();
            Map<String, Boolean> insurers = new LinkedHashMap<>();
            for (RelayRecords.MenuEntry entry : menu) {
                baseUrls.put(entry.providerKey(), entry.baseUrl());
                insurers.put(entry.providerKey(), INSURER.equals(entry.providerType()));
                Tile tile = tiles.computeIfAbsent(
                        entry.providerKey(),
                        key -> new Tile(
                                key,
                                entry.providerNameJa(),
                                entry.providerNameEn(),
                                entry.ssoMethod(),
                                entry.mapped() ? Tile.State.UNAVAILABLE : Tile.State.NOT_READY,
                                new ArrayList<>(),
                                List.of(),
                                null));
                tile.services().add(new Tile.ServiceLink(entry.serviceNameJa(), entry.serviceNameEn(), href(entry)));
            }
            return Flux.fromIterable(tiles.values())
                    .flatMapSequential(tile -> tile.state() == Tile.State.NOT_READY
                            ? Mono.just(tile)
                            : probe.summary(exchange, tile.providerKey(), baseUrls.get(tile.providerKey()))
                                    .map(summary -> tile.with(
                                            Tile.State.AVAILABLE,
                                            summary.lines(),
                                            // only an insurer verifies dependants; the gateway has the page for it
                                            insurers.get(tile.providerKey()) ? summary.dependants() : null))
                                    .defaultIfEmpty(tile))
                    .collectList();
        });
    }

    private String href(RelayRecords.MenuEntry entry) {
        if ("SAML".equals(entry.ssoMethod())) {
            return entry.baseUrl().replaceAll("/+$", "") + entry.path();
        }
        return "/p/" + entry.providerKey() + entry.path();
    }
}
