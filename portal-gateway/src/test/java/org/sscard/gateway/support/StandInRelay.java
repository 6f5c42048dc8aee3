package org.sscard.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * The relay as issue 17's contract describes it, in front of the real one ({@link RelayProcess}, built from main,
 * which predates it): every request is passed through unchanged, except the contract's additions for My Portal:
 * <ul>
 *   <li>{@code GET /api/v1/persons/{id}/service-choices}: the caller's own token is first checked by the real relay
 *       (its {@code /services}, which needs SERVICES_READ and logs the read acting for the person), then the states
 *       are read from the relay's own tables (read only; JOINED = open subscription, JOINABLE = a mapping valid
 *       today, NOT_KNOWN = none), exactly as the contract defines them;
 *   <li>{@code POST …/subscriptions} refuses with 409 {@code NOT_JOINABLE} unless the provider holds a mapping valid
 *       today; {@code POST …/subscriptions} and {@code …/withdraw} accept the portal's token (the contract grants it
 *       SUBSCRIPTION_WRITE; main's relay does not yet), and are made by the real relay, which logs them (SUBSCRIBE /
 *       WITHDRAW, acting for the person the portal names). Because of that missing grant they are passed on with
 *       the city office's token: the relay's log names {@code city-office} as the caller, not {@code portal-gateway}.
 * </ul>
 */
public final class StandInRelay implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern CHOICES = Pattern.compile("/api/v1/persons/" + ID + "/service-choices");
    private static final Pattern SUBSCRIBE = Pattern.compile("/api/v1/persons/" + ID + "/subscriptions");
    private static final Pattern WITHDRAW =
            Pattern.compile("/api/v1/persons/" + ID + "/subscriptions/" + ID + "/withdraw");
    private static final Set<String> PASSED_ON =
            Set.of("authorization", "content-type", "accept", "sscard-acting-for", "sscard-purpose");
    private static final Set<String> SUBSCRIPTION_WRITERS = Set.of("portal-gateway", "city-office");
    private static final String CHOICES_SQL = """
            SELECT p.provider_key, p.provider_type, p.name_ja, p.name_en, ps.service_key, ps.name_ja, ps.name_en,
                   (SELECT s.opaque_id FROM subscription s WHERE s.person_id = pe.id
                    AND s.provider_service_id = ps.id AND s.withdrawn_at IS NULL) AS subscription,
                   EXISTS (SELECT 1 FROM service_mapping m WHERE m.person_id = pe.id AND m.provider_id = p.id
                           AND m.valid_from <= (now() AT TIME ZONE 'Asia/Tokyo')::date
                           AND coalesce(m.valid_to, 'infinity'::date) >= (now() AT TIME ZONE 'Asia/Tokyo')::date)
            FROM person pe CROSS JOIN provider p JOIN provider_service ps ON ps.provider_id = p.id
            WHERE pe.opaque_id = ? ORDER BY p.provider_key, ps.id""";

    private final RelayProcess relay;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JwtDecoder relayTokens;
    private final AtomicInteger notJoinable = new AtomicInteger();
    private volatile String database;

    public StandInRelay(RelayProcess relay) {
        this.relay = relay;
        this.relayTokens = ServiceTokenVerification.decoder(
                new TokenProperties(URI.create(TestTokenIssuer.get().issuer()), null, null, "relay-db-service", null),
                () -> null);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Subscriptions refused because the provider holds no ID for the person today. */
    public int notJoinableRefusals() {
        return notJoinable.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher choices = CHOICES.matcher(path);
            Matcher subscribe = SUBSCRIBE.matcher(path);
            Matcher withdraw = WITHDRAW.matcher(path);
            if (method.equals("GET") && choices.matches()) {
                serviceChoices(exchange, UUID.fromString(choices.group(1)));
            } else if (method.equals("POST") && subscribe.matches()) {
                subscribe(exchange, UUID.fromString(subscribe.group(1)), body);
            } else if (method.equals("POST") && withdraw.matches()) {
                write(exchange, body);
            } else {
                pass(exchange, body, null);
            }
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            exchange.close();
        }
    }

    private void serviceChoices(HttpExchange exchange, UUID person) throws IOException, SQLException {
        HttpResponse<byte[]> check = send(exchange, "GET", "/services", new byte[0], null);
        if (check.statusCode() != 200) {
            respond(exchange, check);
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(database(), "postgres", "");
                PreparedStatement query = db.prepareStatement(CHOICES_SQL)) {
            query.setObject(1, person);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("providerKey", row.getString(1));
                    entry.put("providerType", row.getString(2));
                    entry.put("providerNameJa", row.getString(3));
                    entry.put("providerNameEn", row.getString(4));
                    entry.put("serviceKey", row.getString(5));
                    entry.put("serviceNameJa", row.getString(6));
                    entry.put("serviceNameEn", row.getString(7));
                    Object subscription = row.getObject(8);
                    entry.put("state", subscription != null ? "JOINED" : row.getBoolean(9) ? "JOINABLE" : "NOT_KNOWN");
                    entry.put("subscriptionId", subscription == null ? null : subscription.toString());
                    entries.add(entry);
                }
            }
        }
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(entries));
    }

    private void subscribe(HttpExchange exchange, UUID person, byte[] body) throws IOException, SQLException {
        if (!subscriptionWriter(exchange)) {
            refuse(exchange, 403, "FORBIDDEN", "this client may not change subscriptions");
            return;
        }
        JsonNode request = JSON.readTree(body);
        try (Connection db = DriverManager.getConnection(database(), "postgres", "");
                PreparedStatement query = db.prepareStatement("""
                        SELECT EXISTS (SELECT 1 FROM person pe JOIN service_mapping m ON m.person_id = pe.id
                        JOIN provider p ON p.id = m.provider_id WHERE pe.opaque_id = ? AND p.provider_key = ?
                        AND m.valid_from <= (now() AT TIME ZONE 'Asia/Tokyo')::date
                        AND coalesce(m.valid_to, 'infinity'::date) >= (now() AT TIME ZONE 'Asia/Tokyo')::date)""")) {
            query.setObject(1, person);
            query.setString(2, request.path("providerKey").asText());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    notJoinable.incrementAndGet();
                    refuse(exchange, 409, "NOT_JOINABLE", "the provider holds no ID for the person today");
                    return;
                }
            }
        }
        write(exchange, body);
    }

    /** A subscription change by a client the contract allows, made by the real relay (see the class comment). */
    private void write(HttpExchange exchange, byte[] body) throws IOException {
        if (!subscriptionWriter(exchange)) {
            refuse(exchange, 403, "FORBIDDEN", "this client may not change subscriptions");
            return;
        }
        pass(exchange, body, relay.authorization("city-office"));
    }

    private boolean subscriptionWriter(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            return authorization != null
                    && SUBSCRIPTION_WRITERS.contains(relayTokens
                            .decode(authorization.replaceFirst("^Bearer ", ""))
                            .getSubject());
        } catch (JwtException e) {
            return false;
        }
    }

    private void pass(HttpExchange exchange, byte[] body, String authorization) throws IOException {
        respond(exchange, send(exchange, exchange.getRequestMethod(), "", body, authorization));
    }

    /**
     * The request as it came to the real relay, with {@code authorization} instead of its own if given and, if
     * {@code replacedTail} is given, that instead of the last segment of its path.
     */
    private HttpResponse<byte[]> send(
            HttpExchange exchange, String method, String replacedTail, byte[] body, String authorization)
            throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!replacedTail.isEmpty()) {
            path = path.substring(0, path.lastIndexOf('/')) + replacedTail;
        }
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(relay.baseUrl() + path + (query == null ? "" : "?" + query)))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (PASSED_ON.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The relay's own database (the one {@link RelayProcess} created for it in this JVM's PostgreSQL). */
    private String database() throws SQLException {
        if (database == null) {
            try (Connection postgres = DriverManager.getConnection(TestPostgres.url("postgres"), "postgres", "");
                    PreparedStatement query = postgres.prepareStatement(
                            "SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY datname")) {
                query.setString(1, "relay_process_" + ProcessHandle.current().pid() + "_%");
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the relay's database is not in this JVM's PostgreSQL");
                    }
                    database = TestPostgres.url(row.getString(1));
                }
            }
        }
        return database;
    }

    private static void refuse(HttpExchange exchange, int status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:sscard:problem:" + code.toLowerCase().replace('_', '-'));
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        respond(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void respond(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        respond(
                exchange,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
