package org.sscard.gateway.relay;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.sscard.common.token.ServiceTokens;
import org.sscard.gateway.config.PortalProperties;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The relay API as client {@code portal-gateway} (client-credentials token addressed to relay-db-service). Every
 * call about a person names the person themself as the one the gateway acts for, and why; the relay writes both
 * into the person's access log. The person is always the logged-in resident: callers pass the session's subject.
 */
@Component
public class RelayClient {

    static final String AUDIENCE = "relay-db-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;
    private final ServiceTokens tokens;
    private final String base;

    RelayClient(WebClient platformWebClient, ServiceTokens tokens, PortalProperties portal) {
        this.web = platformWebClient;
        this.tokens = tokens;
        this.base = portal.relayUrl().toString().replaceAll("/+$", "");
    }

    public Mono<RelayRecords.Person> person(UUID person) {
        return get(
                "/api/v1/persons/" + person,
                person,
                "My Portal: name on the page",
                new ParameterizedTypeReference<>() {});
    }

    public Mono<List<RelayRecords.MenuEntry>> menu(UUID person) {
        return get(
                "/api/v1/persons/" + person + "/services",
                person,
                "My Portal: service tiles",
                new ParameterizedTypeReference<>() {});
    }

    public Mono<List<RelayRecords.AccessEntry>> accessLog(UUID person) {
        return get(
                "/api/v1/persons/" + person + "/access-log?limit=200",
                person,
                "who looked at my data",
                new ParameterizedTypeReference<>() {});
    }

    /** The provider as registered; empty if the relay knows no such provider. */
    public Mono<RelayRecords.Provider> provider(String key) {
        return get("/api/v1/providers/" + key, null, null, new ParameterizedTypeReference<RelayRecords.Provider>() {})
                .onErrorResume(
                        GatewayException.class,
                        e -> e.getCause() instanceof WebClientResponseException w
                                        && w.getStatusCode() == HttpStatus.NOT_FOUND
                                ? Mono.empty()
                                : Mono.error(e));
    }

    private <T> Mono<T> get(String path, UUID person, String purpose, ParameterizedTypeReference<T> type) {
        return Mono.fromCallable(() -> tokens.authorization(AUDIENCE))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(authorization -> web.get()
                        .uri(base + path)
                        .headers(headers -> {
                            headers.set("Authorization", authorization);
                            if (person != null) {
                                headers.set("Sscard-Acting-For", "person:" + person);
                                headers.set("Sscard-Purpose", purpose);
                            }
                        })
                        .retrieve()
                        .bodyToMono(type)
                        .timeout(TIMEOUT))
                .onErrorMap(
                        e -> !(e instanceof GatewayException),
                        e -> new GatewayException(
                                GatewayError.RELAY_UNAVAILABLE,
                                "the relay did not answer " + path.replaceAll("/persons/[^/?]+", "/persons/{id}"),
                                e));
    }
}
