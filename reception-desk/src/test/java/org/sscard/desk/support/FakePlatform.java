package org.sscard.desk.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for auth-service's token endpoint (the reception-check and refresh grants) and for insurer-adapters'
 * eligibility API, on loopback over HTTP: each test says what they answer, and reads what the desk asked. An
 * insurer can also hang until {@link #releaseHangingInsurers()} (a slow insurer, without any sleep).
 */
public final class FakePlatform {

    public record Answer(int status, String body) {}

    public record InsurerCall(String insurer, String authorization) {}

    private final HttpServer server;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<InsurerCall> insurerCalls = new CopyOnWriteArrayList<>();
    private volatile Function<Map<String, String>, Answer> tokenEndpoint = form -> new Answer(400, "{}");
    private volatile Function<String, Answer> insurers = insurer -> new Answer(404, "{}");
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    public FakePlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/oauth2/token", this::token);
        server.createContext("/", this::insurer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void onToken(Function<Map<String, String>, Answer> answer) {
        tokenRequests.clear();
        tokenEndpoint = answer;
    }

    /** {@code answer}: insurer key → answer, or null to hang until released. */
    public void onEligibility(Function<String, Answer> answer) {
        insurerCalls.clear();
        insurers = answer;
    }

    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public List<InsurerCall> insurerCalls() {
        return List.copyOf(insurerCalls);
    }

    public void releaseHangingInsurers() {
        hanging.countDown();
        hanging = new CountDownLatch(1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        respond(exchange, tokenEndpoint.apply(form));
    }

    private void insurer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        if (parts.length != 5 || !path.endsWith("/api/v1/eligibility")) {
            respond(exchange, new Answer(404, "{}"));
            return;
        }
        insurerCalls.add(new InsurerCall(parts[1], exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = insurers.apply(parts[1]);
        if (answer == null) {
            try {
                // a slow insurer: answers only when the test lets it (or gives up after a minute)
                hanging.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = new Answer(200, "{}");
        }
        respond(exchange, answer);
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
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the desk gave up (its deadline): nobody reads this answer
        } finally {
            exchange.close();
        }
    }

    /** A granted reception check: a token for {@code insurer}, the insurers newest first, a patient number. */
    public static Answer granted(String insurer, String patientNumber, String insurersJson) {
        return new Answer(
                200,
                "{\"access_token\":\"grant-token-for-" + insurer + "\",\"token_type\":\"Bearer\",\"expires_in\":120,"
                        + "\"insurer\":\"" + insurer + "\","
                        + (patientNumber == null ? "" : "\"patient_number\":\"" + patientNumber + "\",")
                        + "\"insurers\":" + insurersJson + "}");
    }

    public static Answer grantError(int status, String error) {
        return new Answer(status, "{\"error\":\"" + error + "\",\"error_description\":\"test\"}");
    }

    /** Demo 太海 健: kameda-kenpo lost on 2026-11-01 (or whenever {@code lostOn} says; null: not lost). */
    public static Answer eligibility(String insurerNumber, String acquiredOn, String lostOn) {
        return new Answer(
                200,
                "{\"insurerNumber\":\"" + insurerNumber + "\",\"symbol\":\"10\",\"number\":\"2002\",\"branch\":\"00\","
                        + "\"relationship\":\"本人\",\"nameKanji\":\"太海 健\",\"nameKana\":\"フトミ ケン\","
                        + "\"dateOfBirth\":\"1968-05-05\",\"sex\":\"男\",\"acquiredOn\":\"" + acquiredOn + "\","
                        + (lostOn == null ? "" : "\"lostOn\":\"" + lostOn + "\",")
                        + "\"copayPercent\":30,\"validFrom\":\"2024-04-01\"}");
    }
}
