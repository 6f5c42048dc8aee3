package org.sscard.gateway.support;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * An insurer's adapters as docs/dependants.md describes their resident API, under {@code /base}: every request needs
 * a pairwise token for this insurer (else 401). The summary says whether the verification concerns the token's
 * person; {@code GET dependant-verification} answers the household set for that person, and {@code POST} takes the
 * answers when every dependant is answered exactly once (else 400 {@code ANSWERS_INVALID}), once (else 409). A
 * person set as a dependant is refused (403 {@code NOT_INSURED}). It records what it received.
 */
public final class StandInInsurer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dependant as the insurer holds them. */
    public record Dependant(String branch, String nameKanji, String nameKana, String dateOfBirth) {}

    private record Household(String nameKanji, String nameKana, List<Dependant> dependants) {}

    private final String key;
    private final HttpServer server;
    private final JwtDecoder decoder;
    private final Map<String, Household> households = new ConcurrentHashMap<>();
    private final Set<String> dependantsOnly = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> submissions = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public StandInInsurer(String key) {
        this.key = key;
        this.decoder = ServiceTokenVerification.decoder(
                new TokenProperties(URI.create(TestTokenIssuer.get().issuer()), null, null, key, null), () -> null);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/base", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public String key() {
        return key;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
    }

    /** The insured person known here as {@code localNumber}, with these dependants. */
    public void household(String localNumber, Dependant... dependants) {
        households.put(localNumber, new Household("天津 一郎", "アマツ イチロウ", List.of(dependants)));
    }

    /** The person known here as {@code localNumber} is someone's dependant, not an insured person. */
    public void dependant(String localNumber) {
        dependantsOnly.add(localNumber);
    }

    /** The bodies of the submissions it accepted or refused, in order. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Every answer becomes a 500. */
    public void failing(boolean fail) {
        failing = fail;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Jwt token;
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            token = decoder.decode(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
        } catch (JwtException e) {
            StandInAuthServer.respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        if (failing) {
            StandInAuthServer.respond(exchange, 500, "text/plain", "java.lang.IllegalStateException: database gone");
            return;
        }
        String person = token.getSubject();
        String path = exchange.getRequestURI().getPath().substring("/base".length());
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/summary")) {
            ObjectNode summary = JSON.createObjectNode();
            summary.putArray("lines").add("insurer " + key);
            if (households.containsKey(person)) {
                summary.putObject("dependantVerification")
                        .put("fiscalYear", 2026)
                        .put("state", state(person));
            }
            reply(exchange, 200, summary);
        } else if (path.equals("/api/v1/dependant-verification") && !households.containsKey(person)) {
            problem(
                    exchange,
                    dependantsOnly.contains(person) ? 403 : 404,
                    dependantsOnly.contains(person) ? "NOT_INSURED" : "NO_RECORD");
        } else if (path.equals("/api/v1/dependant-verification") && method.equals("GET")) {
            reply(exchange, 200, view(person));
        } else if (path.equals("/api/v1/dependant-verification") && method.equals("POST")) {
            submit(exchange, person, JSON.readTree(exchange.getRequestBody()));
        } else {
            StandInAuthServer.respond(exchange, 404, "application/json", "{\"code\":\"NOT_FOUND\"}");
        }
    }

    private void submit(HttpExchange exchange, String person, JsonNode body) throws IOException {
        received.add(body);
        if (submissions.containsKey(person)) {
            problem(exchange, 409, "ALREADY_SUBMITTED");
            return;
        }
        Household household = households.get(person);
        Set<String> expected = new TreeSet<>();
        household.dependants().forEach(d -> expected.add(d.branch()));
        List<String> given = new ArrayList<>();
        body.path("answers").forEach(a -> given.add(a.path("dependant").asText()));
        if (!new TreeSet<>(given).equals(expected) || given.size() != expected.size()) {
            problem(exchange, 400, "ANSWERS_INVALID");
            return;
        }
        ObjectNode submission = JSON.createObjectNode();
        submission.put("id", java.util.UUID.randomUUID().toString());
        submission.put("status", "SUBMITTED");
        submission.put("submittedAt", Instant.now().toString());
        ArrayNode answers = submission.putArray("answers");
        for (JsonNode answer : body.path("answers")) {
            Dependant d = household.dependants().stream()
                    .filter(x -> x.branch().equals(answer.path("dependant").asText()))
                    .findFirst()
                    .orElseThrow();
            ObjectNode stored = answers.addObject()
                    .put("dependant", d.branch())
                    .put("nameKanji", d.nameKanji())
                    .put("nameKana", d.nameKana())
                    .put("answer", answer.path("answer").asText());
            if (answer.hasNonNull("note")) {
                stored.put("note", answer.path("note").asText());
            }
        }
        submissions.put(person, submission);
        reply(exchange, 201, view(person));
    }

    private String state(String person) {
        return submissions.containsKey(person) ? "SUBMITTED" : "DUE";
    }

    private ObjectNode view(String person) {
        Household household = households.get(person);
        ObjectNode view = JSON.createObjectNode();
        view.put("fiscalYear", 2026).put("state", state(person));
        view.putObject("insured")
                .put("symbol", "10")
                .put("number", person)
                .put("branch", "00")
                .put("nameKanji", household.nameKanji())
                .put("nameKana", household.nameKana());
        ArrayNode dependants = view.putArray("dependants");
        for (Dependant d : household.dependants()) {
            dependants
                    .addObject()
                    .put("branch", d.branch())
                    .put("nameKanji", d.nameKanji())
                    .put("nameKana", d.nameKana())
                    .put("dateOfBirth", d.dateOfBirth())
                    .put("relationship", "DEPENDANT");
        }
        if (submissions.containsKey(person)) {
            view.set("submission", submissions.get(person));
        }
        return view;
    }

    private static void problem(HttpExchange exchange, int status, String code) throws IOException {
        StandInAuthServer.respond(
                exchange,
                status,
                "application/problem+json",
                "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"stand-in\"}");
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        StandInAuthServer.respond(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
