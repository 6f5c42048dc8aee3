package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The reception desk's API: {@code POST /api/v1/eligibility-checks} with the clerk's access token, and the desk's
 * published statement keys ({@code /.well-known/jwks.json}). Trusts the platform root only; no client certificate.
 */
final class DeskClient {

    /** An answer of the desk: status, body, and the body as JSON (empty when it is not JSON). */
    record Answer(int status, String body, JsonNode json, String retryAfter) {}

    /** The desk's own deadline for an insurer is 3 s; this leaves room for the grant and the relay. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Endpoints endpoints;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    DeskClient(Endpoints endpoints, SSLContext platformTrust) {
        this.endpoints = endpoints;
        this.http = HttpClient.newBuilder()
                .sslContext(platformTrust)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Answer check(String accessToken, Map<String, String> request) {
        try {
            return send(HttpRequest.newBuilder(endpoints.desk("/api/v1/eligibility-checks"))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer jwks() {
        return send(
                HttpRequest.newBuilder(endpoints.desk("/.well-known/jwks.json")).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        URI uri = request.build().uri();
        try {
            HttpResponse<String> response = http.send(
                    request.header("Accept", "application/json, application/problem+json")
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    parse(response.body()),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw Unreachable.failure("the reception desk (" + uri.getScheme() + "://" + uri.getAuthority() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.ERROR, "interrupted");
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode(); // not JSON (a proxy's error page): the status says enough
        }
    }
}
