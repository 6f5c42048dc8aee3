package org.sscard.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sscard.common.operator.Operator;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * What the linkage tests need of the real relay beyond {@link RelayFixture}: residents with all five items, insurer
 * mappings with a period, events pushed to the relay's inbox as insurer-adapters pushes them, and the review queue
 * as an insurer's administrator (an operator token of the operators' console) uses it. Every call that does not
 * answer as expected fails the test with the relay's answer.
 */
public final class RelayLinkage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong POSITION = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final String base;

    public RelayLinkage(RelayFixture relay) {
        this.base = relay.baseUrl();
    }

    /** The five items the gate compares, as the city office registered them. */
    public record Resident(
            UUID id,
            String nameKana,
            String nameKanji,
            LocalDate dateOfBirth,
            String sex,
            String ssn,
            String address) {}

    public Resident resident(String nameKana, String nameKanji, String address) {
        String ssn = RelayFixture.newProvisionalSsn();
        LocalDate born = LocalDate.of(1980, 5, 17);
        Map<String, Object> person = Map.of(
                "personalId", RelayFixture.newPersonalId(),
                "nameKana", nameKana,
                "nameKanji", nameKanji,
                "dateOfBirth", born.toString(),
                "sex", "FEMALE",
                "provisionalSsn", ssn,
                "address", address);
        UUID id = UUID.fromString(call("POST", "/api/v1/persons", person, "city-office", 201)
                .path("id")
                .asText());
        return new Resident(id, nameKana, nameKanji, born, "FEMALE", ssn, address);
    }

    /** A member number nobody has yet. */
    public static String newNumber() {
        return "T" + POSITION.incrementAndGet();
    }

    /** The person is member {@code number} (symbol 10, branch 00) of a demo insurer from {@code from} on. */
    public UUID mapInsurer(UUID person, String provider, String insurerNumber, String number, LocalDate from) {
        Map<String, Object> mapping = Map.of(
                "providerKey",
                provider,
                "localId",
                Map.of("insurerNumber", insurerNumber, "symbol", "10", "number", number, "branch", "00"),
                "validFrom",
                from.toString());
        return UUID.fromString(call("POST", "/api/v1/persons/" + person + "/mappings", mapping, "city-office", 201)
                .path("id")
                .asText());
    }

    public static Map<String, Object> memberLeft(String provider, String localId, LocalDate lostOn) {
        return event(
                "MEMBER_LEFT",
                localId,
                Map.of("provider", provider, "localId", localId, "lostOn", lostOn.toString(), "reason", "就職"));
    }

    /** A joiner with the resident's five items, as the insurer registered them. */
    public static Map<String, Object> memberJoined(
            String provider, String insurerNumber, String number, LocalDate acquiredOn, Resident resident) {
        String localId = insurerNumber + "|10|" + number + "|00";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("provider", provider);
        payload.put("localId", localId);
        payload.put("insurerNumber", insurerNumber);
        payload.put("symbol", "10");
        payload.put("number", number);
        payload.put("branch", "00");
        payload.put("relationship", "INSURED");
        payload.put("acquiredOn", acquiredOn.toString());
        payload.put("nameKana", resident.nameKana());
        payload.put("nameKanji", resident.nameKanji());
        payload.put("dateOfBirth", resident.dateOfBirth().toString());
        payload.put("sex", resident.sex());
        payload.put("address", resident.address());
        payload.put("provisionalSsn", resident.ssn());
        return event("MEMBER_JOINED", localId, payload);
    }

    /** Pushes the events to the relay's inbox for {@code provider}, as insurer-adapters does. */
    @SafeVarargs
    public final void push(String provider, Map<String, Object>... events) {
        call(
                "POST",
                "/api/v1/linkage/inbox/" + provider,
                Map.of("events", List.of(events)),
                bearer(TestTokenIssuer.get().mint("insurer-adapters", "relay-db-service")),
                200);
    }

    /** The provider's open reviews, as its administrator sees them. */
    public JsonNode openReviews(String provider) {
        return call(
                        "GET",
                        "/api/v1/providers/" + provider + "/link-reviews?status=OPEN&page=0&size=50",
                        null,
                        asInsurerAdmin(provider),
                        200)
                .path("items");
    }

    /** The administrator reads the review (the relay logs LINK_REVIEW_READ) and decides it. */
    public void decide(String provider, String review, String decision) {
        String path = "/api/v1/providers/" + provider + "/link-reviews/" + review;
        call("GET", path, null, asInsurerAdmin(provider), 200);
        call(
                "POST",
                path + "/decision",
                Map.of("decision", decision, "reason", "checked with the member's card"),
                asInsurerAdmin(provider),
                200);
    }

    private static Map<String, Object> event(String type, String subject, Map<String, Object> payload) {
        return Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "position",
                POSITION.incrementAndGet(),
                "type",
                type,
                "subject",
                subject,
                "occurredAt",
                Instant.now().toString(),
                "payload",
                payload);
    }

    /** An operator token of the operators' console for an administrator of the insurer {@code provider}. */
    private static String asInsurerAdmin(String provider) {
        String staff = UUID.randomUUID().toString();
        return bearer(TestTokenIssuer.get()
                .mint(
                        "operator-console",
                        "relay-db-service",
                        claims -> claims.claim("gty", Operator.GRANT_CLAIM_VALUE)
                                .claim("scope", null)
                                .expirationTime(Date.from(Instant.now().plusSeconds(120)))
                                .claim(
                                        "act",
                                        Map.of(
                                                "sub",
                                                staff,
                                                "role",
                                                Operator.INSURER_ADMIN,
                                                "organisation",
                                                provider))));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private JsonNode call(String method, String path, Object body, String client, int expected) {
        String authorization =
                client.startsWith("Bearer ") ? client : RelayProcess.get().authorization(client);
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
