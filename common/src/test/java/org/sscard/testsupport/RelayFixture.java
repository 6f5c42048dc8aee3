package org.sscard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;

/**
 * The tests' city office: registers people, staff, providers, cards, mappings and subscriptions in a real relay
 * (a {@link RelayProcess}) through its API, as the city office's service client, and reads back what a test
 * checks. Any call that does not answer as expected fails the test at once, with the relay's answer.
 */
public final class RelayFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000_000));

    private final RelayProcess relay;

    public RelayFixture(RelayProcess relay) {
        this.relay = relay;
    }

    public String baseUrl() {
        return relay.baseUrl();
    }

    /** A valid personal ID nobody has yet (Kamogawa's municipality code, correct check digits). */
    public static String newPersonalId() {
        return PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA).digits();
    }

    public static String newProvisionalSsn() {
        return String.format("8%011d", SEQUENCE.incrementAndGet());
    }

    /** A provider key of this stem nobody has yet. */
    public static String newKey(String stem) {
        return stem + "-" + SEQUENCE.incrementAndGet();
    }

    /** The card serial the tests register a certificate under. */
    public static String cardSerial(X509Certificate certificate) {
        return "card-" + certificate.getSerialNumber().toString(16);
    }

    /** A new active person with this personal ID; returns their opaque relay ID. */
    public UUID createPerson(String personalId) {
        return createPerson(personalId, "テスト タロウ", newProvisionalSsn());
    }

    public UUID createPerson(String personalId, String nameKana, String provisionalSsn) {
        Map<String, Object> person = Map.of(
                "personalId",
                personalId,
                "nameKana",
                nameKana,
                "nameKanji",
                "試験 太郎",
                "dateOfBirth",
                "1960-01-01",
                "sex",
                "MALE",
                "provisionalSsn",
                provisionalSsn);
        return id(call("POST", "/api/v1/persons", person, 201));
    }

    public void setPersonStatus(UUID person, String status) {
        call("POST", "/api/v1/persons/" + person + "/status", Map.of("status", status, "reason", "test"), 200);
    }

    public UUID createStaff(String organisation, String role) {
        Map<String, Object> staff =
                Map.of("organisation", organisation, "role", role, "nameKanji", "受付 試験", "nameKana", "ウケツケ シケン");
        return id(call("POST", "/api/v1/staff", staff, 201));
    }

    public void setStaffStatus(UUID staff, String status) {
        call("POST", "/api/v1/staff/" + staff + "/status", Map.of("status", status, "reason", "test"), 200);
    }

    /** The certificate as the active card of a holder ({@code holderKind}: {@code persons} or {@code staff}). */
    public void registerCard(String holderKind, UUID holder, X509Certificate certificate) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> card = Map.of(
                "cardSerial",
                cardSerial(certificate),
                "certificateSerial",
                certificate.getSerialNumber().toString(16),
                "certificateSha256",
                sha256(certificate),
                "issuedAt",
                now.toString(),
                "expiresAt",
                now.plus(365, ChronoUnit.DAYS).toString());
        call("POST", "/api/v1/" + holderKind + "/" + holder + "/cards", card, 201);
    }

    public void suspendCard(X509Certificate certificate) {
        call("POST", "/api/v1/cards/" + cardSerial(certificate) + "/status", Map.of("status", "SUSPENDED"), 200);
    }

    /** A provider with one service at {@code path}, identifying people by a local number. */
    public void registerProvider(String key, String ssoMethod, String baseUrl, String serviceKey, String path) {
        Map<String, Object> provider = provider(key, "INSURER", ssoMethod, baseUrl);
        if ("SAML".equals(ssoMethod)) {
            provider.put("type", "HOSPITAL");
            provider.put("samlEntityId", baseUrl + "/saml");
            provider.put("samlAcsUrl", baseUrl + "/saml/acs");
        }
        provider.put("services", List.of(service(serviceKey, path)));
        call("POST", "/api/v1/providers", provider, 201);
    }

    /**
     * A provider (PROXY, local numbers) with one service, whose residents the staff of {@code staffOrganisations}
     * may act for (besides its own staff).
     */
    public void registerProviderActedForBy(String key, String serviceKey, List<String> staffOrganisations) {
        Map<String, Object> provider = provider(key, "PENSION", "PROXY", "https://" + key + ".provider.test");
        provider.put("services", List.of(service(serviceKey, "/" + serviceKey)));
        provider.put("staffOrganisations", staffOrganisations);
        call("POST", "/api/v1/providers", provider, 201);
    }

    /** A SAML hospital with its SP metadata and one service, {@code records}. */
    public void registerSamlSp(String key, String entityId, String acsUrl, String metadata) {
        Map<String, Object> provider = provider(key, "HOSPITAL", "SAML", "https://hospital.test");
        provider.put("samlEntityId", entityId);
        provider.put("samlAcsUrl", acsUrl);
        provider.put("samlSpMetadata", metadata);
        provider.put("services", List.of(service("records", "/records")));
        call("POST", "/api/v1/providers", provider, 201);
    }

    /** A SAML hospital without services (staff belong to it), registered once however often a test asks. */
    public synchronized void ensureHospital(String key) {
        if (send("GET", "/api/v1/providers/" + key, null, "city-office").statusCode() == 404) {
            String baseUrl = "https://" + key + ".hospital.test";
            Map<String, Object> provider = provider(key, "HOSPITAL", "SAML", baseUrl);
            provider.put("samlEntityId", baseUrl + "/saml");
            provider.put("samlAcsUrl", baseUrl + "/saml/acs");
            call("POST", "/api/v1/providers", provider, 201);
        }
    }

    /** The person is {@code localNumber} at the provider from yesterday on; the mapping's ID. */
    public UUID mapLocalNumber(UUID person, String providerKey, String localNumber) {
        Map<String, Object> mapping = Map.of(
                "providerKey",
                providerKey,
                "localId",
                Map.of("localNumber", localNumber),
                "validFrom",
                LocalDate.now().minusDays(1).toString());
        return UUID.fromString(call("POST", "/api/v1/persons/" + person + "/mappings", mapping, 201)
                .get("id")
                .asText());
    }

    /** The person subscribes to the provider's service (their consent to be known there). */
    public void subscribe(UUID person, String providerKey, String serviceKey) {
        call(
                "POST",
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", providerKey, "serviceKey", serviceKey),
                201);
    }

    /**
     * Maps the person to {@code localNumber} and subscribes them (the relay lets a person join only a provider that
     * holds an ID for them). With a null {@code localNumber}: joined, but the provider's ID for them is no longer
     * valid today (mapped yesterday only), as a tile whose registration is pending.
     */
    public void join(UUID person, String providerKey, String serviceKey, String localNumber) {
        if (localNumber != null) {
            mapLocalNumber(person, providerKey, localNumber);
            subscribe(person, providerKey, serviceKey);
            return;
        }
        UUID mapping = mapLocalNumber(
                person, providerKey, "PENDING-" + UUID.randomUUID().toString().substring(0, 8));
        subscribe(person, providerKey, serviceKey);
        call(
                "POST",
                "/api/v1/persons/" + person + "/mappings/" + mapping + "/end",
                Map.of("validTo", LocalDate.now().minusDays(1).toString(), "reason", "test: registration pending"),
                200);
    }

    /**
     * As auth-service before it issues a pairwise token (one release call, logged at the relay): the provider's own
     * ID for the person, or null when they have not joined the provider or it has no ID for them.
     */
    public String localNumber(UUID person, String providerKey) {
        HttpResponse<String> response = send(
                "POST",
                "/api/v1/releases",
                Map.of("person", person.toString(), "providerKey", providerKey, "issued", "PAIRWISE_TOKEN"),
                "auth-service");
        return response.statusCode() == 200
                ? read(response.body()).path("providerLocalId").asText()
                : null;
    }

    /** The person's access log at the relay, newest first. */
    public JsonNode accessLog(UUID person) {
        return call("GET", "/api/v1/persons/" + person + "/access-log", null, 200);
    }

    private static Map<String, Object> provider(String key, String type, String ssoMethod, String baseUrl) {
        return new LinkedHashMap<>(Map.of(
                "key",
                key,
                "type",
                type,
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
    }

    private static Map<String, Object> service(String key, String path) {
        return Map.of("key", key, "nameJa", "サービス " + key, "nameEn", "Service " + key, "path", path);
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.path("id").asText());
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
