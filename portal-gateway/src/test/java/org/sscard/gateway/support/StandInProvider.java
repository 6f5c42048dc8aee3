package org.sscard.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * A provider backend as the brief's contract describes one, under the base path {@code /base}: every request must
 * carry a pairwise token for this provider (verified as any resource server does, against the issuer's JWKS and
 * with {@code aud} = the provider key), else 401. It echoes what it received, redirects, sets cookies, fails, and
 * serves the contract's summary and access log for the token's subject.
 */
public final class StandInProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final HttpServer server;
    private final JwtDecoder decoder;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean failing;

    public StandInProvider(String key) {
        this.key = key;
        this.decoder = ServiceTokenVerification.decoder(
                new TokenProperties(URI.create(TestTokenIssuer.get().issuer()), null, null, key, null), () -> null);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/base", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String key() {
        return key;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String baseUrl() {
        return origin() + "/base";
    }

    /** Requests that reached the backend with a valid token. */
    public int calls() {
        return calls.get();
    }

    /** Every answer becomes a 500 with a stack trace in its body. */
    public void failing(boolean fail) {
        failing = fail;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith("/base/assets/")) {
            // public, as the providers' assets are: answered to anyone, echoing what came with the request
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            StandInAuthServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(seen));
            return;
        }
        Jwt token;
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            token = decoder.decode(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
        } catch (JwtException e) {
            StandInAuthServer.respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath().substring("/base".length());
        if (failing || path.equals("/boom")) {
            StandInAuthServer.respond(
                    exchange,
                    500,
                    "text/plain",
                    "java.lang.IllegalStateException: database gone\n"
                            + "\tat org.example.provider.Secret.method(Secret.java:42)\n");
            return;
        }
        switch (path) {
            case "/redirect-absolute" -> redirect(exchange, baseUrl() + "/notices?month=10");
            case "/redirect-path" -> redirect(exchange, "/base/notices");
            case "/redirect-away" -> redirect(exchange, "https://elsewhere.example/help");
            case "/set-cookie" -> {
                exchange.getResponseHeaders()
                        .add("Set-Cookie", "SESSION=abc123; Path=/base; Domain=127.0.0.1; " + "HttpOnly; SameSite=Lax");
                exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=tok; Path=/");
                StandInAuthServer.respond(exchange, 200, "text/plain", "cookies set");
            }
            case "/slow" -> {
                sleep(3000);
                StandInAuthServer.respond(exchange, 200, "text/plain", "late");
            }
            case "/api/v1/summary" ->
                StandInAuthServer.respond(
                        exchange,
                        200,
                        "application/json",
                        "{\"lines\":[\"latest notice for " + token.getSubject() + "\"]}");
            case "/api/v1/access-log" ->
                StandInAuthServer.respond(
                        exchange,
                        200,
                        "application/json",
                        JSON.writeValueAsString(List.of(Map.of(
                                "at",
                                Instant.now().minusSeconds(86_400).toString(),
                                "actor",
                                "staff-" + key,
                                "organisation",
                                "Org of " + key,
                                "role",
                                "CLERK",
                                "action",
                                "NOTICES_READ",
                                "purpose",
                                "checked for " + token.getSubject()))));
            default -> echo(exchange, token, path);
        }
    }

    private void echo(HttpExchange exchange, Jwt token, String path) throws IOException {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("sub", token.getSubject());
        echo.put("aud", token.getAudience());
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        echo.put("headers", headers);
        echo.put("body", new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        StandInAuthServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(echo));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
