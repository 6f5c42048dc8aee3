package org.sscard.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.testsupport.RelayProcess;

/** The tests' city office: registers people, providers, mappings and subscriptions in the real relay by its API. */
public final class RelayData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

    private final RelayProcess relay = RelayProcess.get();

    public String url() {
        return relay.baseUrl();
    }

    /** A new person; returns their opaque relay ID. */
    public UUID person(String nameKana, String provisionalSsn) {
        return UUID.fromString(call(
                        "POST",
                        "/api/v1/persons",
                        Map.of(
                                "personalId",
                                PersonalIdFormat.standard()
                                        .generate(MunicipalityCode.KAMOGAWA)
                                        .digits(),
                                "nameKana",
                                nameKana,
                                "nameKanji",
                                "試験 太郎",
                                "dateOfBirth",
                                "1960-01-01",
                                "sex",
                                "MALE",
                                "provisionalSsn",
                                provisionalSsn),
                        201)
                .path("id")
                .asText());
    }

    public static String newSsn() {
        return String.format("7%011d", SEQUENCE.incrementAndGet());
    }

    public static String newKey(String stem) {
        return stem + "-" + SEQUENCE.incrementAndGet();
    }

    /** A provider with one service at {@code path}, identified by a local number. */
    public void provider(String key, String ssoMethod, String baseUrl, String serviceKey, String path) {
        Map<String, Object> provider = new LinkedHashMap<>(Map.of(
                "key",
                key,
                "type",
                "INSURER",
                "nameJa",
                "試験機関 " + key,
                "nameEn",
                "Test provider " + key,
                "ssoMethod",
                ssoMethod,
                "idScheme",
                "LOCAL_NUMBER",
                "baseUrl",
                baseUrl));
        if ("SAML".equals(ssoMethod)) {
            provider.put("type", "HOSPITAL");
            provider.put("samlEntityId", baseUrl + "/saml");
            provider.put("samlAcsUrl", baseUrl + "/saml/acs");
        }
        provider.put(
                "services",
                List.of(Map.of(
                        "key",
                        serviceKey,
                        "nameJa",
                        "サービス " + serviceKey,
                        "nameEn",
                        "Service " + serviceKey,
                        "path",
                        path)));
        call("POST", "/api/v1/providers", provider, 201);
    }

    /** The person joins the provider's service and the provider knows them as {@code localNumber}. */
    public void join(UUID person, String provider, String serviceKey, String localNumber) {
        call(
                "POST",
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", provider, "serviceKey", serviceKey),
                201);
        if (localNumber != null) {
            call(
                    "POST",
                    "/api/v1/persons/" + person + "/mappings",
                    Map.of(
                            "providerKey",
                            provider,
                            "localId",
                            Map.of("localNumber", localNumber),
                            "validFrom",
                            LocalDate.now().minusDays(1).toString()),
                    201);
        }
    }

    /**
     * As auth-service before it issues a pairwise token (one release call, logged at the relay): the provider's own ID
     * for the person, or null when they have not joined the provider or it has no ID for them.
     */
    public String localNumber(UUID person, String provider) {
        HttpResponse<String> response = send(
                "POST",
                "/api/v1/releases",
                Map.of("person", person.toString(), "providerKey", provider, "issued", "PAIRWISE_TOKEN"),
                "auth-service");
        return response.statusCode() == 200
                ? read(response.body()).path("providerLocalId").asText()
                : null;
    }

    public JsonNode accessLog(UUID person) {
        return call("GET", "/api/v1/persons/" + person + "/access-log", null, 200);
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        HttpResponse<String> response = send(method, path, body, "city-office");
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, String client) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.baseUrl() + path))
                    .header("Authorization", relay.authorization(client));
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
