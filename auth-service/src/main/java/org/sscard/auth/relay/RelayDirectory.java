package org.sscard.auth.relay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * ID in a POST body, never a URL); for SSO, providers; before a pairwise token or a SAML assertion, the provider's
 * own ID for the person (one call, logged at the relay). Authenticates as
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
     * The provider's own ID for the person, for the pairwise token about to be issued to it; the relay logs the
     * release ({@code TOKEN_ISSUED}, or the refusal) in the person's access log in the same call. {@code actingFor}
     * is {@code person:<id>} (the resident themself) or {@code staff:<id>} (a staff member acting for them).
     */
    public RelayRelease releaseForToken(UUID person, String providerKey, String actingFor) {
        return release(person, providerKey, "PAIRWISE_TOKEN", "pairwise token for " + providerKey, actingFor);
    }

    /** The same for a SAML assertion ({@code ASSERTION_ISSUED}), the resident acting for themself. */
    public RelayRelease releaseForAssertion(UUID person, String providerKey) {
        return release(person, providerKey, "SAML_ASSERTION", "SAML single sign-on", "person:" + person);
    }

    /**
     * One call, one transaction and one access-log row at the relay ({@code POST /api/v1/releases}). The relay's
     * refusals are its problem codes: not joined (or no such person or provider, as the menu used to answer) and no
     * mapping; any other answer fails closed.
     */
    private RelayRelease release(UUID person, String providerKey, String issued, String purpose, String actingFor) {
        HttpResponse<byte[]> response;
        try {
            byte[] body = json.writeValueAsBytes(
                    Map.of("person", person.toString(), "providerKey", providerKey, "issued", issued));
            response = http.send(
                    request("/api/v1/releases", purpose)
                            .header("Content-Type", "application/json")
                            .header("Sscard-Acting-For", actingFor)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RelayUnavailableException(
                    "the relay cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnavailableException("interrupted");
        }
        if (response.statusCode() == 200) {
            Released released = read(response.body(), Released.class);
            if (!providerKey.equals(released.providerKey()) || released.providerLocalId() == null) {
                throw new RelayUnavailableException("the relay answered for another provider");
            }
            return RelayRelease.released(released.providerLocalId());
        }
        if (response.statusCode() == 404) {
            String code = read(response.body(), Problem.class).code();
            switch (code == null ? "" : code) {
                case "SUBSCRIPTION_NOT_FOUND", "PERSON_NOT_FOUND", "PROVIDER_NOT_FOUND" -> {
                    return RelayRelease.refused(RelayRelease.Refusal.NOT_JOINED);
                }
                case "MAPPING_NOT_FOUND" -> {
                    return RelayRelease.refused(RelayRelease.Refusal.NO_MAPPING);
                }
                default -> {
                    // e.g. a relay without this endpoint: not an answer about the person
                }
            }
        }
        throw new RelayUnavailableException("the relay answered " + response.statusCode());
    }

    /**
     * One reception check ({@code POST /api/v1/reception-checks}), acting for the clerk: the relay checks the clerk,
     * finds the patient by card or SSN and answers with the insurer's ID and the patient's insurers, writing the
     * patient's access log in the same call. Its refusals are {@link RelayReceptionCheck.RefusedException}; any
     * other answer fails closed ({@link RelayUnavailableException}).
     */
    public RelayReceptionCheck receptionCheck(RelayReceptionCheck.Question question, String purpose) {
        Map<String, String> body = new HashMap<>();
        body.put("clerk", question.clerk());
        body.put("clerkCertificateSerial", question.clerkCertificateSerial());
        body.put("organisation", question.organisation());
        body.put("method", question.method());
        body.put("certificateSerial", question.certificateSerial());
        body.put("personalId", question.personalId());
        body.put("provisionalSsn", question.provisionalSsn());
        body.put("dateOfBirth", question.dateOfBirth());
        body.put("reason", question.reason());
        body.put("insurer", question.insurer());
        body.put("pkiRefusal", question.pkiRefusal());
        body.values().removeIf(java.util.Objects::isNull);
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    request("/api/v1/reception-checks", purpose)
                            .header("Content-Type", "application/json")
                            .header("Sscard-Acting-For", "staff:" + question.clerk())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RelayUnavailableException(
                    "the relay cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnavailableException("interrupted");
        }
        if (response.statusCode() == 200) {
            return read(response.body(), RelayReceptionCheck.class);
        }
        if (response.statusCode() == 403 || response.statusCode() == 404 || response.statusCode() == 409) {
            String code = String.valueOf(read(response.body(), Problem.class).code());
            for (RelayReceptionCheck.Refusal refusal : RelayReceptionCheck.Refusal.values()) {
                if (refusal.name().equals(code)) {
                    throw new RelayReceptionCheck.RefusedException(refusal);
                }
            }
        }
        // e.g. a relay without this endpoint (404 without a code we know): not an answer about the patient
        throw new RelayUnavailableException("the relay answered " + response.statusCode());
    }

    /** The relay's answer to a release. */
    private record Released(String providerKey, String providerLocalId) {}

    /** The part of an RFC 9457 problem detail that says which refusal it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Problem(String code) {}

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new RelayUnavailableException("the relay's answer cannot be read");
        }
    }

    private HttpRequest.Builder sso(String path) {
        return request(path, "SAML single sign-on");
    }

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
