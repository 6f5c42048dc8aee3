package org.sscard.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.testsupport.RelayProcess;

/** The tests' city office: registers people, staff, providers and cards in the real relay. */
public final class RelayFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SSN = new AtomicInteger((int) (System.nanoTime() % 100_000_000));

    private final RelayProcess relay;

    public RelayFixture(RelayProcess relay) {
        this.relay = relay;
    }

    public static String newPersonalId() {
        return PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA).digits();
    }

    /** A new active person with this personal ID; returns their opaque relay ID. */
    public UUID createPerson(String personalId) {
        return UUID.fromString(call(
                        "POST",
                        "/api/v1/persons",
                        Map.of(
                                "personalId",
                                personalId,
                                "nameKana",
                                "テスト タロウ",
                                "dateOfBirth",
                                "1960-01-01",
                                "sex",
                                "MALE",
                                "provisionalSsn",
                                String.format("8%011d", SSN.incrementAndGet())),
                        201)
                .path("id")
                .asText());
    }

    public void setPersonStatus(UUID person, String status) {
        call("POST", "/api/v1/persons/" + person + "/status", Map.of("status", status, "reason", "test"), 200);
    }

    public void registerCard(String holderKind, UUID holder, Card card) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        call(
                "POST",
                "/api/v1/" + holderKind + "/" + holder + "/cards",
                Map.of(
                        "cardSerial",
                        card.cardSerial(),
                        "certificateSerial",
                        card.serialHex(),
                        "certificateSha256",
                        card.sha256(),
                        "issuedAt",
                        now.toString(),
                        "expiresAt",
                        now.plus(365, ChronoUnit.DAYS).toString()),
                201);
    }

    public void suspendCard(Card card) {
        call("POST", "/api/v1/cards/" + card.cardSerial() + "/status", Map.of("status", "SUSPENDED"), 200);
    }

    /** Registers a hospital provider of the tests' own, once per relay. */
    public synchronized void ensureHospital(String key) {
        int status = send("GET", "/api/v1/providers/" + key, null).statusCode();
        if (status == 404) {
            call(
                    "POST",
                    "/api/v1/providers",
                    Map.of(
                            "key",
                            key,
                            "type",
                            "HOSPITAL",
                            "nameJa",
                            "テスト病院",
                            "nameEn",
                            "Test hospital",
                            "ssoMethod",
                            "SAML",
                            "idScheme",
                            "LOCAL_NUMBER",
                            "baseUrl",
                            "https://hospital.test",
                            "samlEntityId",
                            "https://hospital.test/saml",
                            "samlAcsUrl",
                            "https://hospital.test/saml/acs"),
                    201);
        }
    }

    /** Registers a SAML provider (a hospital) with its SP metadata and one service, {@code records}. */
    public void registerSamlSp(String key, String entityId, String acsUrl, String metadata) {
        Map<String, Object> provider = new java.util.LinkedHashMap<>(Map.of(
                "key",
                key,
                "type",
                "HOSPITAL",
                "nameJa",
                "試験病院",
                "nameEn",
                "Test hospital",
                "ssoMethod",
                "SAML",
                "idScheme",
                "LOCAL_NUMBER",
                "baseUrl",
                "https://hospital.test",
                "samlEntityId",
                entityId,
                "samlAcsUrl",
                acsUrl));
        provider.put("samlSpMetadata", metadata);
        provider.put(
                "services",
                java.util.List.of(Map.of("key", "records", "nameJa", "診療情報", "nameEn", "Records", "path", "/records")));
        call("POST", "/api/v1/providers", provider, 201);
    }

    /** The person is {@code localNumber} at the provider from yesterday on. */
    public void mapLocalNumber(UUID person, String providerKey, String localNumber) {
        call(
                "POST",
                "/api/v1/persons/" + person + "/mappings",
                Map.of(
                        "providerKey",
                        providerKey,
                        "localId",
                        Map.of("localNumber", localNumber),
                        "validFrom",
                        java.time.LocalDate.now().minusDays(1).toString()),
                201);
    }

    /** The person subscribes to the provider's service (their consent to be known there). */
    public void subscribe(UUID person, String providerKey, String serviceKey) {
        call(
                "POST",
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", providerKey, "serviceKey", serviceKey),
                201);
    }

    /** The person's access log at the relay, newest first. */
    public JsonNode accessLog(UUID person) {
        return call("GET", "/api/v1/persons/" + person + "/access-log", null, 200);
    }

    public UUID createStaff(String organisation, String role) {
        return UUID.fromString(call(
                        "POST",
                        "/api/v1/staff",
                        Map.of(
                                "organisation",
                                organisation,
                                "role",
                                role,
                                "nameKanji",
                                "受付 試験",
                                "nameKana",
                                "ウケツケ シケン"),
                        201)
                .path("id")
                .asText());
    }

    public void setStaffStatus(UUID staff, String status) {
        call("POST", "/api/v1/staff/" + staff + "/status", Map.of("status", status, "reason", "test"), 200);
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.baseUrl() + path))
                    .header("Authorization", relay.authorization("city-office"));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
