package org.sscard.console.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Stand-ins for the console's back ends on loopback over HTTP, one server for all: auth-service's token endpoint
 * ({@code /oauth2/token}: the operator-action grant, the refresh grant), the relay ({@code /relay/...}), the card
 * issuer ({@code /issuer/...}) and insurer-adapters ({@code /adapters/...}). Each test says what they answer
 * ({@link #on}); every request is recorded, and every operator token issued is unique and remembered with its
 * audience, so that a test can tell which token each back-end call carried.
 */
public final class FakePlatform {

    public record Answer(int status, String contentType, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body);
        }
    }

    /** One request the console made: method, path (with query), bearer token, body. */
    public record Call(String method, String path, String authorization, String contentType, String body) {
        public String bearer() {
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
    }

    private record Route(String method, Pattern path, Function<Call, Answer> answer) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> audienceOfToken = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Function<Map<String, String>, Answer> tokenEndpoint = this::grant;

    public FakePlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/oauth2/token", this::token);
        server.createContext("/", this::backend);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets every route, call and token, and grants operator tokens again. */
    public void reset() {
        routes.clear();
        calls.clear();
        tokenRequests.clear();
        audienceOfToken.clear();
        tokenEndpoint = this::grant;
    }

    /** What {@code method} on a path matching {@code pathRegex} (without the query) answers; the latest wins. */
    public FakePlatform on(String method, String pathRegex, Function<Call, Answer> answer) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), answer));
        return this;
    }

    public FakePlatform on(String method, String pathRegex, int status, String body) {
        return on(method, pathRegex, call -> Answer.json(status, body));
    }

    public void onToken(Function<Map<String, String>, Answer> answer) {
        tokenEndpoint = answer;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The audience the operator token was issued for, or null when this fake never issued it. */
    public String audienceOf(String token) {
        return token == null ? null : audienceOfToken.get(token);
    }

    /** Everything the console asked, token requests included: nothing at all means no back end was reached. */
    public int requests() {
        return calls.size() + tokenRequests.size();
    }

    /** A granted operator token: unique, remembered with its audience. */
    private Answer grant(Map<String, String> form) {
        if (!"urn:sscard:params:oauth:grant-type:operator-action".equals(form.get("grant_type"))) {
            return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String token = "operator-token-" + issued.incrementAndGet() + "-" + form.get("audience");
        audienceOfToken.put(token, form.get("audience"));
        return Answer.json(
                200,
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":120,"
                        + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\"}");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        respond(exchange, tokenEndpoint.apply(form));
    }

    private void backend(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Call call = new Call(
                exchange.getRequestMethod(),
                query == null ? path : path + "?" + query,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        calls.add(call);
        for (Route route : new ArrayList<>(routes)) {
            if (route.method().equals(call.method())
                    && route.path().matcher(path).matches()) {
                respond(exchange, route.answer().apply(call));
                return;
            }
        }
        respond(exchange, Answer.json(404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no such path\"}"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } finally {
            exchange.close();
        }
    }
}
