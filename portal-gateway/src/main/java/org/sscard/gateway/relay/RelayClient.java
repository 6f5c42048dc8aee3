package org.sscard.gateway.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
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
    private static final Logger log = LoggerFactory.getLogger(RelayClient.class);
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

    /** Every registered provider service with the resident's state there: joined, joinable or not known. */
    public Mono<List<RelayRecords.ServiceChoice>> serviceChoices(UUID person) {
        return get(
                "/api/v1/persons/" + person + "/service-choices",
                person,
                "My Portal: services you can join",
                new ParameterizedTypeReference<>() {});
    }

    /**
     * The resident's own choice to join a provider's service (the relay logs SUBSCRIBE). Joined already counts as
     * done (a second press of the button). Fails with NOT_JOINABLE when the provider holds no ID for the person
     * today, CHOICE_REFUSED for any other refusal, RELAY_UNAVAILABLE when the relay cannot answer.
     */
    public Mono<Void> subscribe(UUID person, String providerKey, String serviceKey) {
        return post(
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", providerKey, "serviceKey", serviceKey),
                person,
                "My Portal: the resident joined the service",
                Set.of("DUPLICATE_SUBSCRIPTION"));
    }

    /** The resident's own choice to leave (the relay logs WITHDRAW); withdrawn already counts as done. */
    public Mono<Void> withdraw(UUID person, UUID subscription) {
        return post(
                "/api/v1/persons/" + person + "/subscriptions/" + subscription + "/withdraw",
                null,
                person,
                "My Portal: the resident left the service",
                Set.of("INVALID_STATE_CHANGE"));
    }

    /** Every link between the resident and a provider's record, with its state (not the long-removed ones). */
    public Mono<List<RelayRecords.Link>> links(UUID person) {
        return get(
                        "/api/v1/persons/" + person + "/links",
                        person,
                        "My Portal: linked services",
                        new ParameterizedTypeReference<RelayRecords.Links>() {})
                .map(links -> links.links() == null ? List.<RelayRecords.Link>of() : links.links());
    }

    /**
     * The resident says a link is not them ({@code reason}: what they wrote for the provider's administrator, or
     * null): the relay suspends it at once, opens a check at the provider and logs LINK_DISPUTED; a link already
     * suspended answers as before. Fails with LINK_NOT_FOUND (not the resident's
     * link), LINK_REMOVED (removed already), CHOICE_REFUSED for another refusal, RELAY_UNAVAILABLE.
     */
    public Mono<RelayRecords.Link> dispute(UUID person, UUID mapping, String reason) {
        String path = "/api/v1/persons/" + person + "/links/" + mapping + "/dispute";
        return send(
                path,
                reason == null ? Map.of() : Map.of("reason", reason),
                person,
                "My Portal: the resident said this is not them",
                response -> response.bodyToMono(RelayRecords.Link.class),
                (status, problem) -> Mono.error(linkRefused(path, status, problem)));
    }

    private static GatewayException linkRefused(String path, HttpStatusCode status, JsonNode problem) {
        String detail = "the relay answered " + status.value() + " "
                + problem.path("code").asText("") + " to " + redacted(path);
        if (!status.is4xxClientError()) {
            return new GatewayException(GatewayError.RELAY_UNAVAILABLE, detail);
        }
        log.warn("{}: {}", detail, problem.path("detail").asText(""));
        return new GatewayException(
                switch (status.value()) {
                    case 404 -> GatewayError.LINK_NOT_FOUND;
                    case 409 -> GatewayError.LINK_REMOVED;
                    default -> GatewayError.CHOICE_REFUSED;
                },
                detail);
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
                        .headers(headers -> identify(headers, authorization, person, purpose))
                        .retrieve()
                        .bodyToMono(type)
                        .timeout(TIMEOUT))
                .onErrorMap(e -> !(e instanceof GatewayException), e -> unavailable(path, e));
    }

    /**
     * A change the resident asked for. The relay's answer decides: a 4xx is a refusal shown as such (its problem
     * {@code code} names why; {@code done} lists the codes that mean the change is already in place), anything else
     * means the relay could not answer, and the resident is told so rather than that it worked.
     */
    private Mono<Void> post(String path, Object body, UUID person, String purpose, Set<String> done) {
        return send(
                path,
                body,
                person,
                purpose,
                ClientResponse::releaseBody,
                (status, problem) -> refused(path, status, problem, done));
    }

    private <T> Mono<T> send(
            String path,
            Object body,
            UUID person,
            String purpose,
            Function<ClientResponse, Mono<T>> answered,
            BiFunction<HttpStatusCode, JsonNode, Mono<T>> refusal) {
        return Mono.fromCallable(() -> tokens.authorization(AUDIENCE))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(authorization -> {
                    WebClient.RequestBodySpec request = web.post()
                            .uri(base + path)
                            .accept(MediaType.APPLICATION_JSON)
                            .headers(headers -> identify(headers, authorization, person, purpose));
                    return (body == null
                                    ? request
                                    : request.contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(body))
                            .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                                    ? answered.apply(response)
                                    : response.bodyToMono(JsonNode.class)
                                            .defaultIfEmpty(NullNode.getInstance())
                                            .flatMap(problem -> refusal.apply(response.statusCode(), problem)))
                            .timeout(TIMEOUT);
                })
                .onErrorMap(e -> !(e instanceof GatewayException), e -> unavailable(path, e));
    }

    private static Mono<Void> refused(String path, HttpStatusCode status, JsonNode problem, Set<String> done) {
        String code = problem.path("code").asText("");
        if (done.contains(code)) {
            return Mono.empty();
        }
        String detail = "the relay answered " + status.value() + " " + code + " to " + redacted(path);
        if (!status.is4xxClientError()) {
            return Mono.error(new GatewayException(GatewayError.RELAY_UNAVAILABLE, detail));
        }
        log.warn("{}: {}", detail, problem.path("detail").asText(""));
        return Mono.error(new GatewayException(
                "NOT_JOINABLE".equals(code) ? GatewayError.NOT_JOINABLE : GatewayError.CHOICE_REFUSED, detail));
    }

    private static void identify(HttpHeaders headers, String authorization, UUID person, String purpose) {
        headers.set("Authorization", authorization);
        if (person != null) {
            headers.set("Sscard-Acting-For", "person:" + person);
            headers.set("Sscard-Purpose", purpose);
        }
    }

    private static GatewayException unavailable(String path, Throwable e) {
        return new GatewayException(GatewayError.RELAY_UNAVAILABLE, "the relay did not answer " + redacted(path), e);
    }

    /** Logs and problem details never carry the person's or a subscription's ID. */
    private static String redacted(String path) {
        return path.replaceAll("/persons/[^/?]+", "/persons/{id}")
                .replaceAll("/subscriptions/[^/?]+", "/subscriptions/{id}")
                .replaceAll("/links/[^/?]+", "/links/{id}");
    }
}
