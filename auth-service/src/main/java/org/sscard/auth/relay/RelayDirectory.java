package org.sscard.auth.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.sscard.common.id.PersonalId;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.common.token.ServiceTokens;

/**
 * What auth-service asks the relay DB: for a login, the card by its certificate serial with its holder (the personal
 * ID in a POST body, never a URL); for SSO, providers, subscriptions and mappings. Authenticates as
 * {@code auth-service} with a token addressed to the relay. Anything but an answer or a 404 is
 * {@link RelayUnavailableException}: the login then fails closed.
 */
public class RelayDirectory {

    private static final String AUDIENCE = "relay-db-service";

    private final URI base;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    /** {@code trust}: the platform's TLS trust, used when the relay is on https. */
    public RelayDirectory(URI base, ServiceTokens tokens, ObjectMapper json, Supplier<SSLContext> trust) {
        this.base = base;
        this.tokens = tokens;
        this.json = json;
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1);
        if ("https".equals(base.getScheme())) {
            builder.sslContext(trust.get());
        }
        this.http = builder.build();
    }

    /**
     * The card registered for the certificate (serial in hex) and its holder, in one call: {@code personalId} is the
     * resident certificate's (sent in the body, never a URL), absent for a staff token. Empty when no card has this
     * certificate.
     */
    public Optional<RelayCardLogin> cardLogin(String serialHex, Optional<PersonalId> personalId) {
        try {
            Map<String, String> question = new HashMap<>();
            question.put("certificateSerial", serialHex);
            personalId.ifPresent(id -> question.put("personalId", id.digits()));
            return send(
                    request("/api/v1/cards/login-check")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(question))),
                    RelayCardLogin.class);
        } catch (IOException e) {
            throw new RelayUnavailableException("cannot write the look-up");
        }
    }

    /** The provider whose registered SAML SP metadata has this entity ID (an AuthnRequest's Issuer). */
    public Optional<RelayProvider> providerBySamlEntityId(String entityId) {
        return send(
                        sso("/api/v1/providers?samlEntityId=" + URLEncoder.encode(entityId, StandardCharsets.UTF_8))
                                .GET(),
                        RelayProvider[].class)
                .flatMap(found -> Arrays.stream(found).findFirst());
    }

    /** A provider's registry entry by its key. */
    public Optional<RelayProvider> provider(String providerKey) {
        return send(
                sso("/api/v1/providers/" + URLEncoder.encode(providerKey, StandardCharsets.UTF_8))
                        .GET(),
                RelayProvider.class);
    }

    /**
     * Whether the person has an open subscription to a service of the provider: their consent to be known there.
     * {@code purpose} goes into the relay's access log.
     */
    public boolean subscribes(UUID person, String providerKey, String purpose) {
        return send(request("/api/v1/persons/" + person + "/services", purpose).GET(), ServiceEntry[].class)
                .map(entries -> Arrays.stream(entries).anyMatch(e -> providerKey.equals(e.providerKey())))
                .orElse(false);
    }

    /** The person's own ID at the provider valid today; empty when the person has none there. */
    public Optional<RelayMapping> mapping(UUID person, String providerKey, String purpose) {
        return send(
                request(
                                "/api/v1/persons/" + person + "/providers/"
                                        + URLEncoder.encode(providerKey, StandardCharsets.UTF_8) + "/identity",
                                purpose)
                        .GET(),
                RelayMapping.class);
    }

    /** Appends "assertion issued for this provider" to the person's access log at the relay, acting for them. */
    public void recordAssertionIssued(UUID person, String providerKey) {
        recordIssued(person, providerKey, "ASSERTION_ISSUED", "SAML single sign-on", "person:" + person);
    }

    /**
     * Appends "token issued for this provider" (a pairwise token) to the person's access log at the relay;
     * {@code actingFor} is {@code person:<id>} (the resident themself) or {@code staff:<id>} (a staff member acting
     * for them).
     */
    public void recordTokenIssued(UUID person, String providerKey, String actingFor) {
        recordIssued(person, providerKey, "TOKEN_ISSUED", "pairwise token for " + providerKey, actingFor);
    }

    private void recordIssued(UUID person, String providerKey, String action, String purpose, String actingFor) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("action", action, "providerKey", providerKey));
            HttpResponse<byte[]> response = http.send(
                    request("/api/v1/persons/" + person + "/access-log", purpose)
                            .header("Content-Type", "application/json")
                            .header("Sscard-Acting-For", actingFor)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 204) {
                throw new RelayUnavailableException("the relay answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new RelayUnavailableException(
                    "the relay cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnavailableException("interrupted");
        }
    }

    private HttpRequest.Builder sso(String path) {
        return request(path, "SAML single sign-on");
    }

    /** One entry of the person's service menu: only whose provider it is matters here. */
    private record ServiceEntry(String providerKey) {}

    private HttpRequest.Builder request(String path) {
        return request(path, "card login");
    }

    private HttpRequest.Builder request(String path, String purpose) {
        String authorization;
        try {
            authorization = tokens.authorization(AUDIENCE);
        } catch (ServiceTokenException e) {
            throw new RelayUnavailableException("no token for the relay: " + e.getMessage());
        }
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Sscard-Purpose", purpose);
    }

    private <T> Optional<T> send(HttpRequest.Builder request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new RelayUnavailableException("the relay answered " + response.statusCode());
            }
            return Optional.of(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw new RelayUnavailableException(
                    "the relay cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnavailableException("interrupted");
        }
    }
}
