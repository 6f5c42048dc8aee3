package org.sscard.adapters.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * The relay's two linkage endpoints as insurer-adapters calls them (contract of issue 18, §1 and §3), on plain HTTP
 * on loopback: {@code POST /api/v1/linkage/inbox/{key}} records every push with what it answered (200
 * {@code {"applied","duplicates"}}, deduplicated by event ID as the relay's inbox; or a 500 the test asked for), and
 * {@code GET /api/v1/linkage/feed/{key}?after=&limit=} serves the events a test published for that insurer. Both
 * take only a client-credentials token of {@code insurer-adapters} for {@code relay-db-service}, verified against
 * the stand-in issuer's keys. One per test JVM.
 */
public final class FakeRelay {

    /** One push as the relay received it, and the status it answered. */
    public record Push(String provider, List<JsonNode> events, int status) {

        public boolean names(String subjectPart) {
            return events.stream().anyMatch(e -> e.path("subject").asText().contains(subjectPart));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeRelay instance;

    private final HttpServer server;
    private final JwtDecoder tokens;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> applied = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> feeds = new ConcurrentHashMap<>();
    private final List<Predicate<Push>> failOnce = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    private FakeRelay() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tokens = ServiceTokenVerification.decoder(
                new TokenProperties(URI.create(TestTokenIssuer.get().issuer()), null, null, "relay-db-service", null),
                () -> null);
        server.createContext("/api/v1/linkage/inbox/", this::inbox);
        server.createContext("/api/v1/linkage/feed/", this::feed);
        server.start();
    }

    public static synchronized FakeRelay get() {
        if (instance == null) {
            instance = new FakeRelay();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every push so far, in the order they arrived. */
    public List<Push> pushes() {
        return List.copyOf(pushes);
    }

    /** The events of the pushes answered 200 whose subject contains {@code subjectPart}, in arrival order. */
    public List<JsonNode> delivered(String subjectPart) {
        List<JsonNode> events = new ArrayList<>();
        for (Push push : pushes) {
            if (push.status() == 200) {
                push.events().stream()
                        .filter(e -> e.path("subject").asText().contains(subjectPart))
                        .forEach(events::add);
            }
        }
        return events;
    }

    /** The next push naming a subject that contains {@code subjectPart} is answered 500 (once). */
    public void failNextPushNaming(String subjectPart) {
        failOnce.add(push -> push.names(subjectPart));
    }

    /** Every push to this insurer is answered 500 until {@link #heal}. */
    public void failEveryPushTo(String provider) {
        failing.add(provider);
    }

    public void heal(String provider) {
        failing.remove(provider);
    }

    /** Publishes an event on the insurer's feed (a new position, a new event ID); returns it. */
    public ObjectNode publish(String provider, String type, String subject, ObjectNode payload) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("subject", subject);
        event.put("occurredAt", Instant.now().toString());
        event.set("payload", payload);
        return append(provider, event);
    }

    /** The same event (same ID) once more at a later position: what a relay that delivers at least once may do. */
    public ObjectNode publishAgain(String provider, ObjectNode event) {
        return append(provider, event.deepCopy());
    }

    private ObjectNode append(String provider, ObjectNode event) {
        List<ObjectNode> feed = feeds.computeIfAbsent(provider, key -> new CopyOnWriteArrayList<>());
        synchronized (feed) {
            event.put("position", feed.size() + 1L);
            feed.add(event);
        }
        return event;
    }

    private void inbox(HttpExchange exchange) throws IOException {
        String provider = provider(exchange, "/api/v1/linkage/inbox/");
        if (!"POST".equals(exchange.getRequestMethod()) || !authorised(exchange)) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        List<JsonNode> events = new ArrayList<>();
        body.path("events").forEach(events::add);
        boolean otherProvider = events.stream()
                .anyMatch(
                        e -> !provider.equals(e.path("payload").path("provider").asText()));
        Push received = new Push(provider, events, 0);
        int status = otherProvider ? 400 : failing.contains(provider) || failsOnce(received) ? 500 : 200;
        pushes.add(new Push(provider, events, status));
        if (status != 200) {
            respond(exchange, status, "{\"code\":\"" + (status == 400 ? "INVALID_LINKAGE_EVENT" : "INTERNAL") + "\"}");
            return;
        }
        Set<String> seen = applied.computeIfAbsent(provider, key -> ConcurrentHashMap.newKeySet());
        int fresh = 0;
        for (JsonNode event : events) {
            fresh += seen.add(event.path("eventId").asText()) ? 1 : 0;
        }
        respond(exchange, 200, "{\"applied\":" + fresh + ",\"duplicates\":" + (events.size() - fresh) + "}");
    }

    private boolean failsOnce(Push push) {
        for (Predicate<Push> rule : failOnce) {
            if (rule.test(push) && failOnce.remove(rule)) {
                return true;
            }
        }
        return false;
    }

    private void feed(HttpExchange exchange) throws IOException {
        String provider = provider(exchange, "/api/v1/linkage/feed/");
        if (!"GET".equals(exchange.getRequestMethod()) || !authorised(exchange)) {
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode events = answer.putArray("events");
        long next = after;
        for (ObjectNode event : feeds.getOrDefault(provider, List.of())) {
            if (event.path("position").asLong() > after && events.size() < limit) {
                events.add(event);
                next = event.path("position").asLong();
            }
        }
        answer.put("next", next);
        respond(exchange, 200, answer.toString());
    }

    /** A client-credentials token of insurer-adapters addressed to the relay, or 401. */
    private boolean authorised(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            Jwt jwt = tokens.decode(header == null ? "" : header.replaceFirst("^Bearer ", ""));
            if (ServiceTokenVerification.isClientToken(jwt) && "insurer-adapters".equals(jwt.getSubject())) {
                return true;
            }
        } catch (JwtException e) {
            // refused below
        }
        respond(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}");
        return false;
    }

    private static String provider(HttpExchange exchange, String prefix) {
        return exchange.getRequestURI().getPath().substring(prefix.length());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
