package org.sscard.common.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Client credentials at auth-service's token endpoint, authenticated by {@code private_key_jwt}: the scope asked
 * for is the audience wanted. Tokens are kept until shortly before they expire, one per audience; the credentials
 * are read at the first call, so a service can start before the card issuer has written them.
 */
public final class ServiceTokenClient implements ServiceTokens {

    /** Asked for again this long before expiry, so that a token never expires in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private record CachedToken(String value, Instant refreshAfter) {}

    private final URI tokenUri;
    private final Supplier<ServiceCredentials> credentials;
    private final Supplier<SSLContext> trust;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    public ServiceTokenClient(
            URI tokenUri, Supplier<ServiceCredentials> credentials, Supplier<SSLContext> trust, Clock clock) {
        this.tokenUri = tokenUri;
        this.credentials = credentials;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public String accessToken(String audience) {
        CachedToken cached = cache.get(audience);
        if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
            return cached.value();
        }
        CachedToken fresh = request(audience);
        cache.put(audience, fresh);
        return fresh.value();
    }

    /** Forgets the token for {@code audience}, e.g. after the called service refused it. */
    public void forget(String audience) {
        cache.remove(audience);
    }

    private CachedToken request(String audience) {
        Instant now = clock.instant();
        Map<String, String> parameters =
                new java.util.HashMap<>(ClientAssertions.parameters(credentials.get(), tokenUri, now));
        parameters.put("grant_type", "client_credentials");
        parameters.put("scope", audience);
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body().isEmpty() ? "{}" : response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new ServiceTokenException("the token endpoint refused " + audience + ": "
                        + response.statusCode() + " " + body.path("error").asText("") + " "
                        + body.path("error_description").asText(""));
            }
            long expiresIn = body.path("expires_in").asLong(60);
            Instant refreshAfter = now.plusSeconds(expiresIn).minus(MARGIN);
            return new CachedToken(body.get("access_token").asText(), refreshAfter);
        } catch (IOException e) {
            throw new ServiceTokenException("the token endpoint " + tokenUri + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("interrupted");
        }
    }

    private HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .version(HttpClient.Version.HTTP_1_1);
            if ("https".equals(tokenUri.getScheme())) {
                builder.sslContext(trust.get());
            }
            http = builder.build();
        }
        return http;
    }
}
