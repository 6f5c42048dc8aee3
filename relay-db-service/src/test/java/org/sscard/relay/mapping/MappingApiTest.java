package org.sscard.relay.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class MappingApiTest extends RelayApiTest {

    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Test
    void registersResolvesAndReverseResolvesAnInsuranceCardId() {
        String person = createPerson();
        String number = nextNumber();
        Api.Response created = city().post(
                        "/api/v1/persons/" + person + "/mappings",
                        mapping("test-nhi", card("１２３４５６", "鴨川", number, "00"), "2020-04-01", null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("localId").path("insurerNumber").asText())
                .isEqualTo("123456");
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");

        Api.Response resolved = as("test-nhi-desk").get("/api/v1/persons/" + person + "/providers/test-nhi/identity");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("localId").path("number").asText()).isEqualTo(number);

        Api.Response reverse = as("test-nhi-desk")
                .post(
                        "/api/v1/providers/test-nhi/reverse-resolve",
                        Map.of("localId", card("123456", "鴨川", number, "00")));
        assertThat(reverse.status()).isEqualTo(200);
        assertThat(reverse.json().path("personId").asText()).isEqualTo(person);
        assertThat(reverse.json().path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");

        assertThat(city().get("/api/v1/persons/" + person + "/mappings").json()).hasSize(1);
    }

    @Test
    void resolvesByDateAndEndsAMapping() {
        String person = createPerson();
        String mappingId = city().post(
                        "/api/v1/persons/" + person + "/mappings",
                        mapping("test-hospital", patient(nextNumber()), "2015-01-01", null))
                .json()
                .path("id")
                .asText();

        Api.Response ended = city().post(
                        "/api/v1/persons/" + person + "/mappings/" + mappingId + "/end",
                        Map.of("validTo", "2019-12-31", "reason", "left the hospital's care"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("status").asText()).isEqualTo("ENDED");
        Api resolver = city();
        assertThat(resolver.get("/api/v1/persons/" + person + "/providers/test-hospital/identity?at=2019-06-01")
                        .status())
                .isEqualTo(200);
        Api.Response after = resolver.get("/api/v1/persons/" + person + "/providers/test-hospital/identity");
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.problemCode()).isEqualTo("MAPPING_NOT_FOUND");

        assertThat(city().post("/api/v1/persons/" + person + "/mappings/" + mappingId + "/end", Map.of())
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
        // a new period after the end is fine
        assertThat(city().post(
                                "/api/v1/persons/" + person + "/mappings",
                                mapping("test-hospital", patient(nextNumber()), "2020-01-01", null))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusesOverlapsAndDuplicatesWithConflictAndWritesNothing() {
        String person = createPerson();
        String other = createPerson();
        String number = nextNumber();
        assertThat(city().post(
                                "/api/v1/persons/" + person + "/mappings",
                                mapping("test-nhi", card("123456", null, number, "00"), "2020-01-01", "2024-12-31"))
                        .status())
                .isEqualTo(201);
        int mappings = count("service_mapping");
        int logged = count("access_log");

        Api.Response overlap = city().post(
                        "/api/v1/persons/" + person + "/mappings",
                        mapping("test-nhi", card("123456", null, nextNumber(), "00"), "2024-06-01", null));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.problemCode()).isEqualTo("OVERLAPPING_VALIDITY");

        Api.Response taken = city().post(
                        "/api/v1/persons/" + other + "/mappings",
                        mapping("test-nhi", card("123456", null, number, "00"), "2023-01-01", null));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemCode()).isEqualTo("DUPLICATE_MAPPING");

        assertThat(count("service_mapping")).isEqualTo(mappings);
        assertThat(count("access_log")).isEqualTo(logged);
        // the same number is free again after the first person's period
        assertThat(city().post(
                                "/api/v1/persons/" + other + "/mappings",
                                mapping("test-nhi", card("123456", null, number, "00"), "2025-01-01", null))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void rejectsIdsThatDoNotFitTheProvidersSchemeAndWritesNothing() {
        String person = createPerson();
        int mappings = count("service_mapping");
        String path = "/api/v1/persons/" + person + "/mappings";
        assertThat(city().post(path, mapping("test-nhi", card("12345", null, "1", "00"), "2020-01-01", null))
                        .problemCode())
                .isEqualTo("INVALID_LOCAL_ID");
        assertThat(city().post(path, mapping("test-nhi", card("123456", null, "1", "1"), "2020-01-01", null))
                        .problemCode())
                .isEqualTo("INVALID_LOCAL_ID");
        assertThat(city().post(path, mapping("test-nhi", patient("P1"), "2020-01-01", null))
                        .problemCode())
                .isEqualTo("INVALID_LOCAL_ID");
        assertThat(city().post(path, mapping("test-hospital", patient("P 1/2"), "2020-01-01", null))
                        .problemCode())
                .isEqualTo("INVALID_LOCAL_ID");
        assertThat(city().post(path, mapping("test-hospital", patient("P1"), "2020-01-01", "2019-01-01"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        Api.Response unknownProvider = city().post(path, mapping("no-such", patient("P1"), "2020-01-01", null));
        assertThat(unknownProvider.status()).isEqualTo(404);
        assertThat(unknownProvider.problemCode()).isEqualTo("PROVIDER_NOT_FOUND");
        assertThat(city().post(
                                "/api/v1/persons/00000000-0000-0000-0000-000000000000/mappings",
                                mapping("test-hospital", patient("P1"), "2020-01-01", null))
                        .problemCode())
                .isEqualTo("PERSON_NOT_FOUND");
        assertThat(count("service_mapping")).isEqualTo(mappings);
    }

    @Test
    void reverseResolveOfAnUnknownIdIs404() {
        Api.Response unknown =
                city().post("/api/v1/providers/test-hospital/reverse-resolve", Map.of("localId", patient("NOBODY")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
    }

    private static String nextNumber() {
        return "N" + NUMBER.incrementAndGet();
    }

    private static Map<String, Object> mapping(String provider, Map<String, Object> localId, String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("providerKey", provider);
        body.put("localId", localId);
        body.put("validFrom", from);
        body.put("validTo", to);
        return body;
    }

    private static Map<String, Object> card(String insurer, String symbol, String number, String branch) {
        Map<String, Object> id = new HashMap<>();
        id.put("insurerNumber", insurer);
        id.put("symbol", symbol);
        id.put("number", number);
        id.put("branch", branch);
        return id;
    }

    private static Map<String, Object> patient(String number) {
        return Map.of("localNumber", number);
    }
}
