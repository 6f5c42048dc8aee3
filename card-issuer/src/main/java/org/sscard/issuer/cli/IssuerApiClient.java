package org.sscard.issuer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.common.token.ServiceTokens;
import org.sscard.common.token.TokenProperties;

/**
 * The issuer's REST API as the city office calls it: with a client-credentials token from auth-service, asked for
 * with the city office's service-client certificate ({@code <data-dir>/clients/city-office.crt|.key}).
 */
final class IssuerApiClient {

    static final String CLIENT = "city-office";

    /** The issuer refused (a problem detail) or could not be reached: exit code 1. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final String AUDIENCE = "card-issuer";

    private final URI baseUrl;
    private final ServiceTokens tokens;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    private IssuerApiClient(URI baseUrl, ServiceTokens tokens, java.util.function.Supplier<SSLContext> trust) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        // the API is served over TLS with the platform CA's certificate: trust that root, and only it
        this.http = "https".equals(baseUrl.getScheme())
                ? builder.sslContext(trust.get()).build()
                : builder.build();
    }

    /** {@code authUrl}: the platform's token issuer (auth-service); trust and credentials from the data directory. */
    static IssuerApiClient forDataDirectory(URI baseUrl, URI authUrl, Path dataDirectory) {
        Path credentials = ServiceCredentials.directory(dataDirectory);
        if (!Files.isReadable(credentials.resolve(CLIENT + ".key"))) {
            throw new Refused("no client certificate at " + credentials.resolve(CLIENT + ".crt")
                    + ": --data-dir must be the card issuer's data directory, and the issuer must have started once");
        }
        TokenProperties token = new TokenProperties(authUrl, null, null, null, CLIENT);
        java.util.function.Supplier<SSLContext> trust =
                () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDirectory));
        return new IssuerApiClient(
                baseUrl,
                new ServiceTokenClient(
                        token.tokenUri(), () -> ServiceCredentials.read(credentials, CLIENT), trust, Clock.systemUTC()),
                trust);
    }

    /**
     * Calls without a token, for the one API path that takes none (redeeming an enrolment code): only the platform
     * CA's root is read from the data directory, to trust the issuer's TLS certificate.
     */
    static IssuerApiClient withoutCredentials(URI baseUrl, Path dataDirectory) {
        return new IssuerApiClient(baseUrl, null, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDirectory)));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET(), path);
    }

    JsonNode post(String path, Object body) {
        try {
            return send(
                    HttpRequest.newBuilder(baseUrl.resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))),
                    path);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        HttpResponse<byte[]> response;
        try {
            if (tokens != null) {
                request.header("Authorization", authorization());
            }
            response = http.send(
                    request.header("Accept", "application/json, application/problem+json")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused("cannot reach the card issuer at " + baseUrl + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String title = body.path("title").asText("HTTP " + response.statusCode());
            String detail = body.path("detail").asText("");
            throw new Refused(detail.isEmpty() ? title : title + ": " + detail);
        }
        return body;
    }

    /** A bearer token of the city office for {@code audience}. */
    String token(String audience) {
        try {
            return tokens.accessToken(audience);
        } catch (ServiceTokenException e) {
            throw new Refused("no token from the platform's token issuer: " + e.getMessage());
        }
    }

    private String authorization() {
        try {
            return tokens.authorization(AUDIENCE);
        } catch (ServiceTokenException e) {
            throw new Refused("no token from the platform's token issuer: " + e.getMessage());
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode(); // not JSON (a proxy's error page): the status line says enough
        }
    }
}
