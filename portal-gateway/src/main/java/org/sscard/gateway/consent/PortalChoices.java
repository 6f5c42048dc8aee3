package org.sscard.gateway.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sscard.gateway.relay.RelayRecords.ServiceChoice;

/**
 * The two lists under the tiles: the services the resident can join (each with its own Join button) and, per
 * provider, those that need a registration at the provider's counter first. {@code unavailable}: the relay could not
 * say, so the page says that instead of showing empty lists.
 */
public record PortalChoices(List<ServiceChoice> joinable, List<Counter> counter, boolean unavailable) {

    /** A provider that holds no ID for the resident, with the services it offers. */
    public record Counter(
            String providerKey, String providerNameJa, String providerNameEn, List<ServiceChoice> services) {}

    static final PortalChoices UNAVAILABLE = new PortalChoices(List.of(), List.of(), true);

    static PortalChoices of(List<ServiceChoice> choices) {
        List<ServiceChoice> joinable = choices.stream()
                .filter(choice -> choice.is(ServiceChoice.JOINABLE))
                .toList();
        Map<String, List<ServiceChoice>> unknown = new LinkedHashMap<>();
        choices.stream()
                .filter(choice -> choice.is(ServiceChoice.NOT_KNOWN))
                .forEach(choice -> unknown.computeIfAbsent(choice.providerKey(), key -> new ArrayList<>())
                        .add(choice));
        List<Counter> counter = unknown.values().stream()
                .map(services -> new Counter(
                        services.get(0).providerKey(),
                        services.get(0).providerNameJa(),
                        services.get(0).providerNameEn(),
                        List.copyOf(services)))
                .toList();
        return new PortalChoices(joinable, counter, false);
    }

    /**
     * Without the providers that already have a tile: a joined provider that does not know the resident yet says
     * "registration in progress" on its tile, once is enough.
     */
    public PortalChoices without(Set<String> tiledProviders) {
        return new PortalChoices(
                joinable,
                counter.stream()
                        .filter(provider -> !tiledProviders.contains(provider.providerKey()))
                        .toList(),
                unavailable);
    }
}
