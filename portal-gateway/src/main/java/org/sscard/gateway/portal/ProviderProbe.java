package org.sscard.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Asks a provider, with the resident's pairwise token, for its tile summary ({@code GET <base>/api/v1/summary}),
 * waiting only {@code probe-timeout} and going through the provider's circuit breaker: a provider that is down
 * shows as unavailable and costs the page no more than that.
 */
@Component
class ProviderProbe {

    private final WebClient web;
    private final PairwiseTokens tokens;
    private final ProviderBreakers breakers;
    private final PortalProperties portal;

    ProviderProbe(
            WebClient platformWebClient, PairwiseTokens tokens, ProviderBreakers breakers, PortalProperties portal) {
        this.web = platformWebClient;
        this.tokens = tokens;
        this.breakers = breakers;
        this.portal = portal;
    }

    /**
     * What the tile shows: the summary's lines and, from an insurer, the state of this year's dependant verification
     * (被扶養者確認: DUE, SUBMITTED, ACCEPTED, RETURNED) when it concerns the resident, else null.
     */
    record Summary(List<String> lines, String dependants) {}

    private static final java.util.Set<String> DEPENDANT_STATES =
            java.util.Set.of("DUE", "SUBMITTED", "ACCEPTED", "RETURNED");

    /** The summary, or empty when the provider could not be asked or did not answer. */
    Mono<Summary> summary(ServerWebExchange exchange, String provider, String baseUrl) {
        Mono<Summary> call = tokens.forProvider(exchange, provider)
                .flatMap(token -> web.get()
                        .uri(baseUrl.replaceAll("/+$", "") + "/api/v1/summary")
                        .headers(headers -> headers.setBearerAuth(token))
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .timeout(portal.probeTimeout()))
                .map(summary -> new Summary(lines(summary), dependants(summary)));
        return breakers.of(provider)
                .run(call, failure -> failure instanceof LoginExpiredException ? Mono.error(failure) : Mono.empty());
    }

    /** Only a state the portal knows: a provider's text never becomes a link's wording. */
    static String dependants(JsonNode summary) {
        String state = summary.path("dependantVerification").path("state").asText("");
        return DEPENDANT_STATES.contains(state) ? state : null;
    }

    /** A {@code lines} array as given, else the object's first few plain fields as "name: value". */
    static List<String> lines(JsonNode summary) {
        List<String> lines = new ArrayList<>();
        if (summary.path("lines").isArray()) {
            summary.path("lines").forEach(line -> lines.add(line.asText()));
        } else {
            for (Map.Entry<String, JsonNode> field : summary.properties()) {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    lines.add(field.getKey() + ": " + field.getValue().asText());
                }
            }
        }
        return lines.stream()
                .limit(4)
                .map(line -> line.length() > 120 ? line.substring(0, 120) : line)
                .toList();
    }
}
