package org.sscard.issuer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.sscard.common.secret.ServiceSecrets;

/** The issuer's REST API as the city office calls it: HTTP Basic with the city office's service secret. */
final class IssuerApiClient {

    static final String CLIENT = "city-office";

    /** The issuer refused (a problem detail) or could not be reached: exit code 1. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final URI baseUrl;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private IssuerApiClient(URI baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the secret the issuer generated for the city office. Checked before {@link ServiceSecrets} is asked,
     * because it would otherwise create a new secret that the issuer does not know under a wrong data directory.
     */
    static IssuerApiClient forDataDirectory(URI baseUrl, Path dataDirectory) {
        Path secretFile = dataDirectory.resolve("secrets").resolve("issuer").resolve(CLIENT + ".secret");
        if (!Files.isReadable(secretFile)) {
            throw new Refused("no client secret at " + secretFile
                    + ": --data-dir must be the card issuer's data directory, and the issuer must have started once");
        }
        return new IssuerApiClient(baseUrl, new ServiceSecrets(dataDirectory, "issuer").getOrCreate(CLIENT));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET(), path);
    }

    JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(baseUrl.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), path);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.header("Authorization", authorization).header("Accept",
                    "application/json, application/problem+json").timeout(Duration.ofSeconds(60)).build(),
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

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode(); // not JSON (a proxy's error page): the status line says enough
        }
    }
}
