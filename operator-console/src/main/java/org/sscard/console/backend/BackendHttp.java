package org.sscard.console.backend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.config.PlatformClients;

/**
 * One back-end call for an operator: first an operator token for the call's audience ({@link TokenExchange}), then
 * the call with it as the bearer token. No other way to a back end exists in the console, so no call goes without
 * an operator token, and none with another audience's. 4xx answers become {@link BackendException} (the problem's
 * code), 5xx and silence {@link BackendUnavailableException}.
 */
@Component
class BackendHttp {

    private static final Logger LOG = LoggerFactory.getLogger(BackendHttp.class);

    /** One call's answer. */
    record Answer(int status, byte[] body) {}

    final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TokenExchange tokens;
    private final PlatformClients platform;
    private final Duration timeout;
    private volatile HttpClient http;

    BackendHttp(TokenExchange tokens, PlatformClients platform, ConsoleProperties console) {
        this.tokens = tokens;
        this.platform = platform;
        this.timeout = console.calls().backendTimeout();
    }

    /** A JSON call (body null: none); the answer's body read as {@code type}, or null when {@code type} is null. */
    <T> T json(Acting acting, String audience, String method, URI uri, Object body, Class<T> type) {
        byte[] bytes;
        try {
            bytes = body == null ? null : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request", e);
        }
        Answer answer = send(acting, audience, method, uri, "application/json", bytes, timeout);
        return read(audience, requireSuccess(audience, answer), type);
    }

    /** Any call; the answer whatever its status but 5xx (the caller decides about 4xx). */
    Answer send(
            Acting acting,
            String audience,
            String method,
            URI uri,
            String contentType,
            byte[] body,
            Duration callTimeout) {
        String token = tokens.operatorToken(acting, audience);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(callTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.info(
                    "staff {} ({} {}): {} {} {} → {}",
                    acting.staff().subject(),
                    acting.staff().role(),
                    acting.staff().organisation(),
                    audience,
                    method,
                    uri.getPath(),
                    response.statusCode());
            if (response.statusCode() >= 500) {
                throw new BackendUnavailableException(audience, "answered " + response.statusCode());
            }
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            LOG.warn("{} {} {}: {}", audience, method, uri.getPath(), e.toString());
            throw new BackendUnavailableException(audience, "unreachable or too slow");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(audience, "interrupted");
        }
    }

    /** The body of a 2xx answer; a 4xx as {@link BackendException}. */
    byte[] requireSuccess(String service, Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer.body();
        }
        throw problem(service, answer);
    }

    BackendException problem(String service, Answer answer) {
        JsonNode body = tree(answer.body());
        String code = body.path("code").asText(null);
        if (code == null || code.isBlank()) {
            code = body.path("error").asText(null);
        }
        if (code == null || code.isBlank()) {
            code = "HTTP_" + answer.status();
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            if (error.hasNonNull("field")) {
                fields.add(error.get("field").asText());
            }
        }
        if (body.hasNonNull("field")) {
            fields.add(body.get("field").asText());
        }
        return new BackendException(
                service, answer.status(), code, body.path("detail").asText(""), fields);
    }

    JsonNode tree(byte[] body) {
        try {
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private <T> T read(String service, byte[] body, Class<T> type) {
        if (type == null) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            LOG.warn("{} answered something unreadable as {}: {}", service, type.getSimpleName(), e.toString());
            throw new BackendUnavailableException(service, "unreadable answer");
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = platform.http(timeout);
        }
        return http;
    }
}
