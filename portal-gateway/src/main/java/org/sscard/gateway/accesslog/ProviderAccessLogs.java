package org.sscard.gateway.accesslog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.config.PortalProperties;
import org.sscard.gateway.proxy.ProviderBreakers;
import org.sscard.gateway.token.PairwiseTokens;
import org.sscard.gateway.web.LoginExpiredException;
import reactor.core.publisher.Mono;

/**
 * A provider's own log of who looked at the resident's data there ({@code GET <base>/api/v1/access-log} with the
 * pairwise token, the providers' contract), through the provider's circuit breaker. Empty when it cannot answer.
 */
@Component
class ProviderAccessLogs {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(Instant at, String actor, String organisation, String role, String action, String purpose) {}

    private final WebClient web;
    private final PairwiseTokens tokens;
    private final ProviderBreakers breakers;
    private final PortalProperties portal;

    ProviderAccessLogs(
            WebClient platformWebClient, PairwiseTokens tokens, ProviderBreakers breakers, PortalProperties portal) {
        this.web = platformWebClient;
        this.tokens = tokens;
        this.breakers = breakers;
        this.portal = portal;
    }

    Mono<List<Entry>> entries(ServerWebExchange exchange, String provider, String baseUrl) {
        Mono<List<Entry>> call = tokens.forProvider(exchange, provider)
                .flatMap(token -> web.get()
                        .uri(baseUrl.replaceAll("/+$", "") + "/api/v1/access-log")
                        .headers(headers -> headers.setBearerAuth(token))
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(new ParameterizedTypeReference<List<Entry>>() {})
                        .timeout(portal.providerTimeout()));
        return breakers.of(provider)
                .run(call, failure -> failure instanceof LoginExpiredException ? Mono.error(failure) : Mono.empty());
    }
}
