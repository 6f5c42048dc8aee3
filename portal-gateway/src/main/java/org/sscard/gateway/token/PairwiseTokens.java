package org.sscard.gateway.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.TokenProperties;
import org.sscard.gateway.config.PortalProperties;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import org.sscard.gateway.web.LoginExpiredException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A provider's pairwise token for the logged-in resident (RFC 8693 token exchange at auth-service: the resident's
 * access token for one whose {@code sub} is the provider's own ID and {@code aud} the provider). Exchanged once
 * per (session, provider) and kept in the session until shortly before it expires.
 */
@Component
public class PairwiseTokens {

    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    private static final String CACHE = PairwiseTokens.class.getName() + ".cache";
    private static final Logger log = LoggerFactory.getLogger(PairwiseTokens.class);

    private record Cached(String value, Instant refreshAfter) {}

    private final ResidentSession resident;
    private final WebClient web;
    private final Supplier<ServiceCredentials> credentials;
    private final URI tokenUri;
    private final Duration margin;
    private final Clock clock;

    PairwiseTokens(
            ResidentSession resident,
            WebClient platformWebClient,
            Supplier<ServiceCredentials> credentials,
            TokenProperties tokens,
            PortalProperties portal,
            Clock clock) {
        this.resident = resident;
        this.web = platformWebClient;
        this.credentials = credentials;
        this.tokenUri = tokens.tokenUri();
        this.margin = portal.tokenMargin();
        this.clock = clock;
    }

    /** The bearer token for {@code provider}; fails with NOT_JOINED, LOGIN_UNAVAILABLE or LoginExpired. */
    public Mono<String> forProvider(ServerWebExchange exchange, String provider) {
        // keyed by the person too: a session that somehow outlived its resident can never hand their token on
        return Mono.zip(exchange.getSession(), resident.personId(exchange)).flatMap(found -> {
            @SuppressWarnings("unchecked")
            Map<String, Cached> cache = (Map<String, Cached>) found.getT1()
                    .getAttributes()
                    .computeIfAbsent(CACHE, name -> new ConcurrentHashMap<String, Cached>());
            String key = found.getT2() + "|" + provider;
            Cached cached = cache.get(key);
            if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
                return Mono.just(cached.value());
            }
            return resident.accessToken(exchange)
                    .flatMap(subject -> exchange(subject.getTokenValue(), provider))
                    .doOnNext(fresh -> cache.put(key, fresh))
                    .map(Cached::value);
        });
    }

    /**
     * Drops every cached token for {@code provider} from the session at once (the resident left it): the next
     * request for it exchanges again, and auth-service, asking the relay, refuses (NOT_JOINED) instead of the old
     * token being used until it expires.
     */
    public Mono<Void> forget(ServerWebExchange exchange, String provider) {
        return exchange.getSession()
                .doOnNext(session -> {
                    Object cache = session.getAttributes().get(CACHE);
                    if (cache instanceof Map<?, ?> cached) {
                        // keys are "<person>|<provider>"; a provider key never contains '|'
                        cached.keySet().removeIf(key -> String.valueOf(key).endsWith("|" + provider));
                    }
                })
                .then();
    }

    private Mono<Cached> exchange(String subjectToken, String provider) {
        return Mono.fromCallable(() -> form(subjectToken, provider))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(form -> web.post()
                        .uri(tokenUri)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromFormData(form))
                        .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                                .defaultIfEmpty(com.fasterxml.jackson.databind.node.NullNode.getInstance())
                                .flatMap(body ->
                                        response.statusCode().is2xxSuccessful() && body.hasNonNull("access_token")
                                                ? Mono.just(cached(body))
                                                : Mono.error(refused(provider, body))))
                        .timeout(Duration.ofSeconds(5)))
                .onErrorMap(
                        e -> !(e instanceof GatewayException || e instanceof LoginExpiredException),
                        e -> new GatewayException(
                                GatewayError.LOGIN_UNAVAILABLE,
                                "auth-service did not exchange the token for " + provider,
                                e));
    }

    private MultiValueMap<String, String> form(String subjectToken, String provider) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        ClientAssertions.parameters(credentials.get(), tokenUri, clock.instant())
                .forEach(form::add);
        form.add("grant_type", EXCHANGE);
        form.add("subject_token", subjectToken);
        form.add("subject_token_type", ACCESS_TOKEN);
        form.add("requested_token_type", ACCESS_TOKEN);
        form.add("audience", provider);
        return form;
    }

    private Cached cached(JsonNode body) {
        long lifetime = body.path("expires_in").asLong(60);
        return new Cached(
                body.get("access_token").asText(),
                clock.instant().plusSeconds(lifetime).minus(margin));
    }

    private static RuntimeException refused(String provider, JsonNode body) {
        String error = body.path("error").asText("");
        log.info(
                "token exchange for {} refused: {} {}",
                provider,
                error,
                body.path("error_description").asText(""));
        return switch (error) {
            case "invalid_target" ->
                new GatewayException(
                        GatewayError.NOT_JOINED, "you have not joined " + provider + ", or it does not know you yet");
            case "invalid_grant" -> new LoginExpiredException("auth-service no longer accepts the login's token");
            default ->
                new GatewayException(
                        GatewayError.LOGIN_UNAVAILABLE,
                        "auth-service refused the token for " + provider + ": " + error);
        };
    }
}
