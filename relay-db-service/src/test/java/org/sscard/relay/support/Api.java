package org.sscard.relay.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real-HTTP client for the relay API: JSON in, status + JSON out, never throws on 4xx/5xx. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** {@code authorization}: the {@code Authorization} header value, or null for an anonymous caller. */
    Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public Api header(String name, String value) {
        Api copy = new Api(base, null);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy.withAuthorization(authorization);
    }

    private Api withAuthorization(String value) {
        if (value != null) {
            headers.put("Authorization", value);
        }
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        String json = body instanceof String s ? s : write(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(HttpRequest.Builder request) {
        if (authorization != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Status, raw body and parsed JSON of one answer. */
    public record Response(int status, String body, String contentType, String wwwAuthenticate) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** The problem's {@code code}, asserting the body is an RFC 9457 problem detail. */
        public String problemCode() {
            if (!contentType.startsWith("application/problem+json")) {
                throw new AssertionError("expected a problem detail, got " + contentType + ": " + body);
            }
            return json().path("code").asText();
        }
    }
}
