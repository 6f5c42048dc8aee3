package org.sscard.auth.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What auth-service takes for the relay in the tests: a pass-through to the real relay ({@link
 * org.sscard.testsupport.RelayProcess}) for every call, except that a test may script the answer of the reception
 * check ({@code POST /api/v1/reception-checks}), which the relay built from main does not have yet (issue 16's relay
 * work adds it). A scripted call is recorded, so that a test sees what auth-service asked.
 */
public final class RelayStandIn {

    public static final String RECEPTION_CHECKS = "/api/v1/reception-checks";

    /** A scripted answer: status and JSON body. */
    public record Answer(int status, String json) {}

    /** A reception check auth-service made: its body and the headers the relay reads. */
    public record Call(String body, String actingFor, String purpose, String authorization) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "upgrade", "expect", "transfer-encoding");

    private final URI relay;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Answer> receptionAnswer = new AtomicReference<>();
    private final List<Call> receptionCalls = new CopyOnWriteArrayList<>();

    private RelayStandIn(URI relay) throws IOException {
        this.relay = relay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static RelayStandIn forwardingTo(String relayBaseUrl) {
        try {
            return new RelayStandIn(URI.create(relayBaseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the relay stand-in", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the reception check answers this (until {@link #reset()}). */
    public void answerReceptionChecks(int status, String json) {
        receptionAnswer.set(new Answer(status, json));
    }

    /** The reception checks answered from the script since the last {@link #reset()}. */
    public List<Call> receptionCalls() {
        return List.copyOf(receptionCalls);
    }

    public void reset() {
        receptionAnswer.set(null);
        receptionCalls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer scripted = receptionAnswer.get();
            if (scripted != null
                    && "POST".equals(exchange.getRequestMethod())
                    && RECEPTION_CHECKS.equals(exchange.getRequestURI().getPath())) {
                receptionCalls.add(new Call(
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Sscard-Acting-For"),
                        exchange.getRequestHeaders().getFirst("Sscard-Purpose"),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                reply(
                        exchange,
                        scripted.status(),
                        "application/json",
                        scripted.json().getBytes(StandardCharsets.UTF_8));
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        relay.resolve(exchange.getRequestURI().toString()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
