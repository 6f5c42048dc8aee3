package org.sscard.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.operator.Operator;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.config.PlatformClients;

/**
 * The operator-action grant ({@value Operator#GRANT_TYPE}) at auth-service's token endpoint, as the client
 * {@code operator-console} authenticated by {@code private_key_jwt} (common's ClientAssertions), exactly as the
 * reception desk's grant client: the operator's own access token is the actor token, and the audience is the one
 * service the next call goes to. One token per call, never cached, never a client-credentials token: every register
 * then names the staff member who acted.
 */
@Component
class TokenExchange {

    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final Logger LOG = LoggerFactory.getLogger(TokenExchange.class);

    private final PlatformClients platform;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpClient http;

    TokenExchange(PlatformClients platform, ConsoleProperties console, Clock clock) {
        this.platform = platform;
        this.timeout = console.calls().grantTimeout();
        this.clock = clock;
    }

    /**
     * An operator token for {@code audience}, acting for {@code acting}'s operator.
     *
     * @throws LoginExpiredException       auth-service no longer takes the operator's own token ({@code invalid_grant})
     * @throws BackendException            the audience is not one this operator may have ({@code invalid_target})
     * @throws BackendUnavailableException auth-service is unreachable, slow, failing, or refuses this client
     */
    String operatorToken(Acting acting, String audience) {
        URI tokenUri = platform.tokens().tokenUri();
        Map<String, String> form;
        try {
            form = new LinkedHashMap<>(ClientAssertions.parameters(platform.credentials(), tokenUri, clock.instant()));
        } catch (ServiceTokenException e) {
            LOG.error("cannot authenticate as the console's client: {}", e.getMessage());
            throw new BackendUnavailableException("auth-service", "no client credentials");
        }
        form.put("grant_type", Operator.GRANT_TYPE);
        form.put("actor_token", acting.actorToken());
        form.put("actor_token_type", ACCESS_TOKEN_TYPE);
        form.put("audience", audience);
        HttpRequest post = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http().send(post, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("the operator-action grant did not answer: {}", e.toString());
            throw new BackendUnavailableException("auth-service", "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("auth-service", "interrupted");
        }
        return answer(acting, audience, response.statusCode(), response.body());
    }

    private String answer(Acting acting, String audience, int status, String text) {
        JsonNode body;
        try {
            body = json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            throw new BackendUnavailableException("auth-service", "unreadable answer");
        }
        if (status == 200 && body.hasNonNull("access_token")) {
            return body.get("access_token").asText();
        }
        if (status >= 500) {
            throw new BackendUnavailableException("auth-service", "answered " + status);
        }
        String error = body.path("error").asText("");
        LOG.warn(
                "the operator-action grant for staff {} (aud {}) answered {} {} {}",
                acting.staff().subject(),
                audience,
                status,
                error,
                body.path("error_description").asText(""));
        if ("invalid_grant".equals(error)) {
            throw new LoginExpiredException("the actor token was refused");
        }
        if ("invalid_target".equals(error)) {
            throw new BackendException("auth-service", status, "invalid_target", "audience " + audience, List.of());
        }
        throw new BackendUnavailableException("auth-service", "grant refused: " + error);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpClient http() {
        if (http == null) {
            http = platform.http(timeout);
        }
        return http;
    }
}
