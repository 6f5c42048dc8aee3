package org.sscard.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.ServiceTokenException;

/**
 * Part of {@code --check}: the services trust each other. As the city office (its service-client certificate from
 * the data directory), ask auth-service for tokens by private_key_jwt and call the relay and the card issuer with
 * them: both must accept, and both must refuse the same call without a token.
 */
final class ServiceTokenCheck {

    private static final String CLIENT = "city-office";

    private final LaunchOptions options;

    ServiceTokenCheck(LaunchOptions options) {
        this.options = options;
    }

    boolean applies() {
        return options.services()
                .containsAll(java.util.List.of(ServiceSpec.AUTH, ServiceSpec.RELAY, ServiceSpec.CARD_ISSUER));
    }

    /** Throws {@link LaunchException} with what went wrong. */
    void run() {
        Path dataDir = options.dataDir();
        SSLContext trust = PlatformTrust.sslContext(PlatformTrust.caRoot(dataDir));
        ServiceTokenClient tokens = new ServiceTokenClient(
                URI.create(options.baseUrl(ServiceSpec.AUTH) + "/oauth2/token"),
                () -> ServiceCredentials.read(ServiceCredentials.directory(dataDir), CLIENT),
                () -> trust,
                Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trust)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI relay = URI.create(options.baseUrl(ServiceSpec.RELAY) + "/api/v1/providers");
        // an unknown certificate serial: 404 once authenticated, 401 if not
        URI issuer = URI.create(options.baseUrl(ServiceSpec.CARD_ISSUER) + "/api/v1/certificates/00");
        try {
            expect(http, relay, "Bearer " + tokens.accessToken("relay-db-service"), 200);
            expect(http, relay, null, 401);
            expect(http, issuer, "Bearer " + tokens.accessToken("card-issuer"), 404);
            expect(http, issuer, null, 401);
        } catch (ServiceTokenException e) {
            throw new LaunchException("service tokens: " + e.getMessage());
        }
    }

    private static void expect(HttpClient http, URI uri, String authorization, int status) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            int answered = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (answered != status) {
                throw new LaunchException("service tokens: " + uri + (authorization == null ? " without" : " with")
                        + " a token answered " + answered + ", expected " + status);
            }
        } catch (IOException e) {
            throw new LaunchException("service tokens: " + uri + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
