package org.sscard.adapters.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.sscard.common.linkage.LinkageEvent;
import org.sscard.common.token.ServiceTokenClient;

/**
 * The relay's linkage endpoints, called as client {@code insurer-adapters} (client-credentials token, audience
 * {@code relay-db-service}): the push of a batch to {@code /api/v1/linkage/inbox/{key}} and the read of the
 * provider's feed at {@code /api/v1/linkage/feed/{key}}. Anything but the expected answer throws, so the poller
 * retries the same events later and never moves past them.
 */
final class RelayClient {

    static final String AUDIENCE = "relay-db-service";

    /** Why a call to the relay failed; the poller logs it and the health indicator shows it. */
    static final class RelayException extends Exception {
        RelayException(String message) {
            super(message);
        }

        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI relayUrl;
    private final String base;
    private final ServiceTokenClient tokens;
    private final Supplier<SSLContext> trust;
    private final ObjectMapper json;
    private volatile HttpClient http;

    /** {@code trust}: the platform CA, read at the first call (the card issuer may write it after this starts). */
    RelayClient(URI relayUrl, ServiceTokenClient tokens, Supplier<SSLContext> trust, ObjectMapper json) {
        this.relayUrl = relayUrl;
        this.base = relayUrl.toString().replaceAll("/+$", "");
        this.tokens = tokens;
        this.trust = trust;
        this.json = json;
    }

    /** Delivers the events in one request; the relay applies them in order, once each. */
    void push(String providerKey, List<LinkageEvent> events) throws RelayException {
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("events");
        for (LinkageEvent event : events) {
            ObjectNode node = array.addObject();
            node.put("eventId", event.eventId().toString());
            node.put("position", event.position());
            node.put("type", event.type());
            node.put("subject", event.subject());
            node.put("occurredAt", event.occurredAt().toString());
            node.set("payload", event.payload());
        }
        HttpRequest request = request("/api/v1/linkage/inbox/" + providerKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        send(request, "push of " + events.size() + " events");
    }

    /** The provider's events after {@code after}, oldest first. */
    List<LinkageEvent> feed(String providerKey, long after, int limit) throws RelayException {
        HttpRequest request = request("/api/v1/linkage/feed/" + providerKey + "?after=" + after + "&limit=" + limit)
                .GET()
                .build();
        JsonNode answer = send(request, "feed read");
        JsonNode events = answer.path("events");
        if (!events.isArray()) {
            throw new RelayException("the relay's feed answer has no events array");
        }
        List<LinkageEvent> read = new ArrayList<>(events.size());
        long previous = after;
        for (JsonNode node : events) {
            LinkageEvent event = event(node);
            if (event.position() <= previous) {
                throw new RelayException("the relay's feed is out of order at position " + event.position());
            }
            previous = event.position();
            read.add(event);
        }
        return read;
    }

    private HttpRequest.Builder request(String path) throws RelayException {
        try {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Accept", "application/json")
                    .header("Authorization", tokens.authorization(AUDIENCE));
        } catch (RuntimeException e) {
            throw new RelayException("no token for the relay: " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest request, String what) throws RelayException {
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new RelayException(what + ": the relay cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException(what + ": interrupted", e);
        }
        if (response.statusCode() == 401) {
            // a token the relay no longer takes (its key rotated, it expired in flight): a fresh one next time
            tokens.forget(AUDIENCE);
        }
        if (response.statusCode() != 200) {
            String body = response.body() == null ? "" : response.body();
            throw new RelayException(what + ": the relay answered " + response.statusCode() + " "
                    + body.substring(0, Math.min(body.length(), 300)));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new RelayException(what + ": the relay's answer is not JSON", e);
        }
    }

    private HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .version(HttpClient.Version.HTTP_1_1);
            if ("https".equals(relayUrl.getScheme())) {
                builder.sslContext(trust.get());
            }
            http = builder.build();
        }
        return http;
    }

    private static LinkageEvent event(JsonNode node) throws RelayException {
        try {
            return new LinkageEvent(
                    UUID.fromString(node.path("eventId").asText()),
                    node.path("position").asLong(),
                    text(node, "type"),
                    text(node, "subject"),
                    Instant.parse(node.path("occurredAt").asText()),
                    node.path("payload").isObject() ? node.get("payload") : null);
        } catch (RuntimeException e) {
            throw new RelayException("a malformed event in the relay's feed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
