package org.sscard.reception.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect URI of a native app (RFC 8252 §7.3): {@code http://127.0.0.1:<ephemeral port>/callback}, served on
 * the loopback address only, for one login. A callback is taken only with this login's {@code state}; any other
 * is answered 400 and changes nothing (RFC 6749 §10.12: a forged callback must not inject someone else's code).
 */
final class LoopbackReceiver implements AutoCloseable {

    /** The authorization server answered with an error (RFC 6749 §4.1.2.1), for this login's state. */
    static final class AuthorizationError extends Exception {
        AuthorizationError(String message) {
            super(message);
        }
    }

    private final HttpServer server;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server, String state) {
        this.server = server;
        this.state = state;
    }

    static LoopbackReceiver start(String state) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server, state);
        server.createContext("/callback", receiver::handle);
        server.start();
        return receiver;
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    /** The authorization code, once a callback with this login's state has arrived. */
    String awaitCode(long timeoutSeconds) throws AuthorizationError, TimeoutException, InterruptedException {
        try {
            return code.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (AuthorizationError) e.getCause();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!"GET".equals(exchange.getRequestMethod()) || !state.equals(query.get("state")) || code.isDone()) {
                answer(
                        exchange,
                        400,
                        "This is not the answer to the login the program started. / " + "このログインへの応答ではありません。");
                return;
            }
            if (query.containsKey("error")) {
                code.completeExceptionally(new AuthorizationError(query.get("error")
                        + (query.containsKey("error_description") ? ": " + query.get("error_description") : "")));
                answer(exchange, 200, "Login refused. / ログインできませんでした。");
            } else if (query.get("code") == null || query.get("code").isBlank()) {
                answer(exchange, 400, "No authorization code. / 認可コードがありません。");
            } else {
                code.complete(query.get("code"));
                answer(exchange, 200, "Logged in; return to the program. / ログインしました。");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            // a repeated parameter is ambiguous (RFC 6749 §3.1): keep none of it
            if (parameters.putIfAbsent(name, value) != null) {
                parameters.put(name, null);
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
