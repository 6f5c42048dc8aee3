package org.sscard.gateway.accesslog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.relay.ProviderDirectory;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords;
import org.sscard.gateway.token.ResidentSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "Who looked at my data": the relay's access log and every joined provider's own, merged newest first. A provider
 * that cannot answer is named as unavailable, so an empty list never pretends to be complete. Only ever the
 * session's own person: the page takes no ID.
 */
@Controller
class AccessLogController {

    private final ResidentSession resident;
    private final RelayClient relay;
    private final ProviderAccessLogs providers;
    private final ProviderDirectory directory;

    AccessLogController(
            ResidentSession resident, RelayClient relay, ProviderAccessLogs providers, ProviderDirectory directory) {
        this.resident = resident;
        this.relay = relay;
        this.providers = providers;
        this.directory = directory;
    }

    @GetMapping("/access-log")
    Mono<String> accessLog(ServerWebExchange exchange, Model model) {
        return resident.accessToken(exchange)
                .then(resident.personId(exchange))
                .flatMap(person -> Mono.zip(relay.accessLog(person), relay.menu(person))
                        .flatMap(found -> names(found.getT1())
                                .flatMap(names -> merge(exchange, person, found.getT1(), found.getT2(), names))))
                .map(merged -> {
                    model.addAttribute("rows", merged.rows());
                    model.addAttribute("unavailable", merged.unavailable());
                    return "access-log";
                });
    }

    record Merged(List<AccessRow> rows, List<RelayRecords.MenuEntry> unavailable) {}

    /**
     * The registry's entry of every provider the relay's rows name (joined, left or never joined), so that a row
     * says "Kamogawa NHI", not "kamogawa-nhi"; one the registry cannot give now keeps its key.
     */
    private Mono<Map<String, RelayRecords.Provider>> names(List<RelayRecords.AccessEntry> relayLog) {
        return Flux.fromStream(relayLog.stream()
                        .map(RelayRecords.AccessEntry::providerKey)
                        .filter(Objects::nonNull)
                        .distinct())
                .flatMap(key -> directory.find(key).onErrorResume(e -> Mono.empty()))
                .collectMap(RelayRecords.Provider::key);
    }

    private Mono<Merged> merge(
            ServerWebExchange exchange,
            UUID person,
            List<RelayRecords.AccessEntry> relayLog,
            List<RelayRecords.MenuEntry> menu,
            Map<String, RelayRecords.Provider> names) {
        List<AccessRow> rows = new ArrayList<>();
        relayLog.forEach(entry -> rows.add(fromRelay(entry, person, names.get(entry.providerKey()))));
        Map<String, RelayRecords.MenuEntry> joined = new LinkedHashMap<>();
        menu.stream()
                .filter(RelayRecords.MenuEntry::mapped)
                .forEach(entry -> joined.putIfAbsent(entry.providerKey(), entry));
        List<RelayRecords.MenuEntry> unavailable = new ArrayList<>();
        return Flux.fromIterable(joined.values())
                .flatMapSequential(provider -> providers
                        .entries(exchange, provider.providerKey(), provider.baseUrl())
                        .doOnNext(entries -> entries.forEach(entry -> rows.add(fromProvider(entry, provider))))
                        .switchIfEmpty(Mono.fromRunnable(() -> unavailable.add(provider))))
                .then(Mono.fromCallable(() -> {
                    rows.sort(Comparator.comparing(AccessRow::at, Comparator.nullsLast(Comparator.reverseOrder())));
                    return new Merged(List.copyOf(rows), List.copyOf(unavailable));
                }));
    }

    /**
     * The relay names the calling service and whom it acted for ("at your own request" when that was the resident,
     * a staff member by role, never by their ID).
     */
    private static AccessRow fromRelay(RelayRecords.AccessEntry entry, UUID person, RelayRecords.Provider provider) {
        boolean about =
                entry.providerKey() != null && !String.valueOf(entry.purpose()).contains(entry.providerKey());
        return new AccessRow(
                entry.at(),
                "中継DB",
                "Relay DB",
                entry.caller(),
                null,
                null,
                entry.action(),
                entry.purpose(),
                about ? (provider == null ? entry.providerKey() : provider.nameJa()) : null,
                about ? (provider == null ? entry.providerKey() : provider.nameEn()) : null,
                ActingFor.of(entry.actingFor(), person, entry.caller(), entry.action()),
                entry.providerKey() == null ? null : provider == null ? entry.providerKey() : provider.nameJa(),
                entry.providerKey() == null ? null : provider == null ? entry.providerKey() : provider.nameEn());
    }

    private static AccessRow fromProvider(ProviderAccessLogs.Entry entry, RelayRecords.MenuEntry provider) {
        return new AccessRow(
                entry.at(),
                provider.providerNameJa(),
                provider.providerNameEn(),
                entry.actor(),
                entry.organisation(),
                entry.role(),
                entry.action(),
                entry.purpose(),
                null,
                null,
                null,
                null,
                null);
    }
}
