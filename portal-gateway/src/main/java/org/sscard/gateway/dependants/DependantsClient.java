package org.sscard.gateway.dependants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.config.PortalProperties;
import org.sscard.gateway.proxy.ProviderBreakers;
import org.sscard.gateway.relay.RelayRecords.MenuEntry;
import org.sscard.gateway.token.PairwiseTokens;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import org.sscard.gateway.web.LoginExpiredException;
import reactor.core.publisher.Mono;

/**
 * The insurer's dependant-verification API ({@code <base>/api/v1/dependant-verification}), called server-side with
 * the resident's pairwise token for that insurer, through the provider's circuit breaker and time limit. Only the
 * insurer failing (no answer, 5xx) counts against the breaker; its refusals (4xx) are answers: a refusal of the
 * person becomes {@code DEPENDANTS_REFUSED}, a refusal of the answers {@link Outcome#INVALID}.
 */
@Component
class DependantsClient {

    /** What became of a submission the insurer did not refuse outright. */
    enum Outcome {
        SUBMITTED,
        /** Not every dependant answered exactly once, or a note too long: the form again. */
        INVALID,
        /** Submitted before (a second press, another tab) or nothing to answer: the page says how things stand. */
        NOT_OPEN
    }

    private record Reply(int status, JsonNode body) {

        String code() {
            return body.path("code").asText("");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DependantsClient.class);
    static final String PATH = "/api/v1/dependant-verification";

    private final WebClient web;
    private final PairwiseTokens tokens;
    private final ProviderBreakers breakers;
    private final PortalProperties portal;
    private final ObjectMapper json;

    DependantsClient(
            WebClient platformWebClient,
            PairwiseTokens tokens,
            ProviderBreakers breakers,
            PortalProperties portal,
            ObjectMapper json) {
        this.web = platformWebClient;
        this.tokens = tokens;
        this.breakers = breakers;
        this.portal = portal;
        this.json = json;
    }

    Mono<VerificationState> state(ServerWebExchange exchange, MenuEntry insurer) {
        return call(exchange, insurer, HttpMethod.GET, null).flatMap(reply -> {
            if (reply.status() == 200) {
                return Mono.fromCallable(() -> json.treeToValue(reply.body(), VerificationState.class))
                        .onErrorMap(JsonProcessingException.class, e -> failed(insurer, "an unreadable answer"));
            }
            return Mono.error(refused(insurer, reply));
        });
    }

    Mono<Outcome> submit(ServerWebExchange exchange, MenuEntry insurer, AnswerForm form) {
        return call(exchange, insurer, HttpMethod.POST, form.body()).flatMap(reply -> {
            if (reply.status() == 201) {
                return Mono.just(Outcome.SUBMITTED);
            }
            if (reply.status() == 400) {
                return Mono.just(Outcome.INVALID);
            }
            if (reply.status() == 409) {
                return Mono.just(Outcome.NOT_OPEN);
            }
            return Mono.error(refused(insurer, reply));
        });
    }

    private Mono<Reply> call(ServerWebExchange exchange, MenuEntry insurer, HttpMethod method, Object body) {
        String uri = insurer.baseUrl().replaceAll("/+$", "") + PATH;
        return tokens.forProvider(exchange, insurer.providerKey()).flatMap(token -> {
            WebClient.RequestBodySpec request = web.method(method)
                    .uri(uri)
                    .headers(headers -> headers.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON);
            WebClient.RequestHeadersSpec<?> ready = body == null
                    ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            Mono<Reply> http = ready.exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                            .onErrorResume(e -> Mono.just(NullNode.getInstance()))
                            .defaultIfEmpty(NullNode.getInstance())
                            .flatMap(answer -> response.statusCode().is5xxServerError()
                                    ? Mono.error(failed(
                                            insurer,
                                            "status " + response.statusCode().value()))
                                    : Mono.just(new Reply(response.statusCode().value(), answer))))
                    .timeout(portal.providerTimeout());
            return breakers.of(insurer.providerKey()).run(http, failure -> Mono.error(unavailable(insurer, failure)));
        });
    }

    private static RuntimeException unavailable(MenuEntry insurer, Throwable failure) {
        if (failure instanceof GatewayException || failure instanceof LoginExpiredException) {
            return (RuntimeException) failure;
        }
        log.warn("dependant verification at {}: {}", insurer.providerKey(), failure.toString());
        if (failure instanceof CallNotPermittedException) {
            return new GatewayException(
                    GatewayError.PROVIDER_UNAVAILABLE, insurer.providerKey() + " is switched off for a while");
        }
        if (failure instanceof TimeoutException) {
            return new GatewayException(
                    GatewayError.PROVIDER_TIMEOUT, insurer.providerKey() + " did not answer in time");
        }
        return new GatewayException(GatewayError.PROVIDER_UNAVAILABLE, insurer.providerKey() + " cannot be reached");
    }

    private static GatewayException failed(MenuEntry insurer, String what) {
        return new GatewayException(GatewayError.PROVIDER_ERROR, insurer.providerKey() + " failed: " + what);
    }

    /** The insurer's own refusal (not insured there, no record): logged with its code, shown as the portal's page. */
    private static GatewayException refused(MenuEntry insurer, Reply reply) {
        log.info("dependant verification at {} refused: {} {}", insurer.providerKey(), reply.status(), reply.code());
        return reply.status() == 401
                ? failed(insurer, "it refused the pairwise token")
                : new GatewayException(
                        GatewayError.DEPENDANTS_REFUSED,
                        insurer.providerKey() + " refused: " + reply.status() + " " + reply.code());
    }
}
