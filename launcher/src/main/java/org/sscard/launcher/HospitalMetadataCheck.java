package org.sscard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.ServiceTokenException;

/**
 * Part of {@code --check}: the hospital portal's SP metadata has reached the relay (where the platform IdP reads
 * SPs from) and is the metadata the hospital itself serves, i.e. the IdP would now accept its signed AuthnRequests
 * and address assertions to it. The hospital registers in the background, so this waits a little.
 */
final class HospitalMetadataCheck {

    private static final String CLIENT = "city-office";
    private static final String PROVIDER = "kameda-hospital";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final LaunchOptions options;

    HospitalMetadataCheck(LaunchOptions options) {
        this.options = options;
    }

    boolean applies() {
        return options.services()
                        .containsAll(List.of(
                                ServiceSpec.AUTH,
                                ServiceSpec.RELAY,
                                ServiceSpec.CARD_ISSUER,
                                ServiceSpec.HOSPITAL_PORTAL))
                && options.profiles().contains("demo");
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
        URI served =
                URI.create(options.baseUrl(ServiceSpec.HOSPITAL_PORTAL) + "/saml2/service-provider-metadata/sscard");
        URI registered = URI.create(options.baseUrl(ServiceSpec.RELAY) + "/api/v1/providers/" + PROVIDER);
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "nothing yet";
        try {
            String own = get(http, served, null).strip();
            while (System.nanoTime() < deadline) {
                JsonNode provider = new ObjectMapper()
                        .readTree(get(http, registered, "Bearer " + tokens.accessToken("relay-db-service")));
                String metadata = provider.path("samlSpMetadata").asText("").strip();
                if (metadata.equals(own)) {
                    return;
                }
                last = metadata.isEmpty() ? "no SP metadata registered" : "different SP metadata registered";
                Thread.sleep(1000);
            }
        } catch (ServiceTokenException | IOException e) {
            throw new LaunchException("hospital SP metadata: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
        throw new LaunchException("hospital SP metadata: after " + WAIT.toSeconds() + " s the relay has " + last
                + " for " + PROVIDER + " (see the hospital-portal log)");
    }

    private static String get(HttpClient http, URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
