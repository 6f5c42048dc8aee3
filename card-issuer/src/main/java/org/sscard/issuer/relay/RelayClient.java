package org.sscard.issuer.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sscard.common.id.PersonalId;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.common.token.ServiceTokens;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;

/**
 * The card issuer's calls to the relay DB: who the holder is and whether they are active, which cards they hold,
 * and the card register. Fails closed: a relay that cannot be reached means nothing is issued. Every call carries
 * the issuer's own client token; a call made for an operator (a staff member acting through the operators' console)
 * also names them in {@code Sscard-Acting-For: staff:<id>}, so that the relay's access log says who it was for.
 */
public class RelayClient {

    public record Person(UUID id, String status) {}

    public record Staff(UUID id, String organisation, String role, String nameKanji, String status) {}

    public record Card(String cardSerial, String certificateSerial, String status) {}

    private static final String AUDIENCE = "relay-db-service";

    private final URI base;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final java.util.function.Supplier<javax.net.ssl.SSLContext> trust;
    private final java.util.function.Supplier<Optional<String>> actingFor;
    private volatile HttpClient http;

    /**
     * {@code trust}: for an https relay, the platform's TLS trust, asked for at the first call (not at start);
     * {@code actingFor}: whom the current call is made for ({@code staff:<id>}), if anyone.
     */
    public RelayClient(
            URI base,
            ServiceTokens tokens,
            ObjectMapper json,
            java.util.function.Supplier<javax.net.ssl.SSLContext> trust,
            java.util.function.Supplier<Optional<String>> actingFor) {
        this.base = base;
        this.trust = trust;
        this.tokens = tokens;
        this.json = json;
        this.actingFor = actingFor;
    }

    public Optional<Person> personByPersonalId(PersonalId personalId) {
        JsonNode person =
                send("POST", "/api/v1/persons/lookup/by-personal-id", Map.of("personalId", personalId.digits()), true);
        return person == null
                ? Optional.empty()
                : Optional.of(new Person(
                        UUID.fromString(person.path("id").asText()),
                        person.path("status").asText()));
    }

    /**
     * The personal ID of a registered person, for the subject of the certificate the issuer is about to make them
     * (the certificate carries it; the relay's other answers never do): {@code GET /api/v1/persons/{id}/personal-id}
     * → {@code {personalId}}. Empty when the relay knows no such person.
     */
    public Optional<String> personalIdOf(UUID person) {
        JsonNode answer = send("GET", "/api/v1/persons/" + person + "/personal-id", null, true);
        return answer == null || !answer.path("personalId").isTextual()
                ? Optional.empty()
                : Optional.of(answer.path("personalId").asText());
    }

    public Optional<Staff> staff(UUID id) {
        JsonNode staff = send("GET", "/api/v1/staff/" + id, null, true);
        return staff == null ? Optional.empty() : Optional.of(staff(staff));
    }

    public List<Staff> staffOf(String organisation) {
        List<Staff> result = new ArrayList<>();
        send("GET", "/api/v1/staff?organisation=" + organisation, null, false).forEach(s -> result.add(staff(s)));
        return result;
    }

    public List<Card> cards(boolean staff, UUID holder) {
        List<Card> result = new ArrayList<>();
        send("GET", "/api/v1/" + (staff ? "staff/" : "persons/") + holder + "/cards", null, false)
                .forEach(c -> result.add(new Card(
                        c.path("cardSerial").asText(),
                        c.path("certificateSerial").asText(),
                        c.path("status").asText())));
        return result;
    }

    public void registerCard(
            boolean staff,
            UUID holder,
            String cardSerial,
            String certificateSerial,
            String sha256,
            Instant issuedAt,
            Instant expiresAt) {
        send(
                "POST",
                "/api/v1/" + (staff ? "staff/" : "persons/") + holder + "/cards",
                Map.of(
                        "cardSerial",
                        cardSerial,
                        "certificateSerial",
                        certificateSerial,
                        "certificateSha256",
                        sha256,
                        "issuedAt",
                        issuedAt.toString(),
                        "expiresAt",
                        expiresAt.toString()),
                false);
    }

    public void changeCardStatus(String cardSerial, String status, String reason) {
        Map<String, String> body =
                reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        send("POST", "/api/v1/cards/" + cardSerial + "/status", body, false);
    }

    private JsonNode send(String method, String path, Object body, boolean notFoundIsEmpty) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", tokens.authorization(AUDIENCE))
                    .header("Sscard-Purpose", "card issuance and revocation")
                    .header("Accept", "application/json");
            actingFor.get().ifPresent(actor -> request.header("Sscard-Acting-For", actor));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 404 && notFoundIsEmpty) {
                return null;
            }
            JsonNode answer = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
            if (status >= 200 && status < 300) {
                return answer;
            }
            String detail = answer.path("detail").asText("relay answered " + status);
            throw switch (status) {
                case 404 -> new IssuerException(IssuerError.UNKNOWN_SUBJECT, "relay: " + detail);
                case 409 -> new IssuerException(IssuerError.INVALID_STATE_CHANGE, "relay: " + detail);
                case 400 -> new IssuerException(CommonError.INVALID_FIELD, "relay: " + detail);
                default -> new IssuerException(IssuerError.RELAY_UNAVAILABLE, "relay: " + detail);
            };
        } catch (ServiceTokenException e) {
            throw new IssuerException(IssuerError.RELAY_UNAVAILABLE, "no token for the relay DB: " + e.getMessage());
        } catch (IOException e) {
            throw new IssuerException(IssuerError.RELAY_UNAVAILABLE, "the relay DB cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerException(IssuerError.RELAY_UNAVAILABLE, "interrupted");
        }
    }

    private HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
            if ("https".equals(base.getScheme())) {
                builder.sslContext(trust.get());
            }
            http = builder.build();
        }
        return http;
    }

    private static Staff staff(JsonNode s) {
        return new Staff(
                UUID.fromString(s.path("id").asText()),
                s.path("organisation").asText(),
                s.path("role").asText(),
                s.path("nameKanji").asText(),
                s.path("status").asText());
    }
}
