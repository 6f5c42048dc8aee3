package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;

/**
 * The push hop: insurer-adapters only, only for the insurers it is bound to; a batch applied whole, in order, once
 * per event ID; a malformed batch or one with another provider's event refused whole, with nothing applied.
 */
class LinkageInboxTest extends LinkageApiTest {

    private static final String[] TABLES = {
        "linkage_inbox", "linkage_log", "link_review", "service_mapping", "access_log", "linkage_outbox"
    };

    @Test
    void theSameEventPushedTwiceIsAppliedOnce() {
        Resident resident = resident();
        String kenpo = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        Map<String, Object> leaver = left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), "退職");
        pushed(KUMIAI, leaver);
        String nhi = number();
        Map<String, Object> joiner = joined(NHI, resident, nhi, LocalDate.of(2026, 12, 1));
        JsonNode first = pushed(NHI, joiner);
        assertThat(first.path("applied").asInt()).isEqualTo(1);

        JsonNode again = pushed(NHI, joiner);
        JsonNode leaverAgain = pushed(KUMIAI, leaver, leaver);

        assertThat(again.path("applied").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        assertThat(leaverAgain.path("duplicates").asInt()).isEqualTo(2);
        assertThat(mappingsOf(NHI, nhi)).isEqualTo(1);
        assertThat(accessLog(resident, "MEMBER_LINKED"))
                .as("one link at each insurer")
                .hasSize(2)
                .filteredOn(row -> row.contains(" test-nhi "))
                .hasSize(1);
        assertThat(accessLog(resident, "COVERAGE_LOST_REGISTERED")).hasSize(1);
        assertThat(accessLog(resident, "PREVIOUS_COVERAGE_SHARED")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM linkage_outbox WHERE consumer = :c AND subject = :s")
                        .param("c", NHI)
                        .param("s", localId(NHI, nhi))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM linkage_log WHERE subject = :s AND direction = 'RECEIVED' ORDER BY id")
                        .param("s", localId(NHI, nhi))
                        .query(String.class)
                        .list())
                .containsExactly("LINKED", "DUPLICATE");
    }

    @Test
    void aBatchWithAnEventOfAnotherProviderIsRefusedWholeAndNothingApplied() {
        Resident resident = resident();
        String number = number();
        Map<String, Object> kenposEvent = joined(KUMIAI, resident(), number(), LocalDate.of(2026, 4, 1));
        Map<String, Integer> before = counts();

        Api.Response refused = push(NHI, List.of(joined(NHI, resident, number, LocalDate.of(2026, 4, 1)), kenposEvent));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_LINKAGE_EVENT");
        assertThat(refused.json().path("detail").asText()).contains("events[1].payload.provider");
        assertThat(counts()).isEqualTo(before);
        assertThat(mappingsOf(NHI, number)).isZero();
    }

    @Test
    void aClientNotBoundToTheProviderOrWithoutTheGrantIsRefused() {
        Resident resident = resident();
        Map<String, Object> event = joined(NHI, resident, number(), LocalDate.of(2026, 4, 1));
        Map<String, Object> body = Map.of("events", List.of(event));
        Map<String, Integer> before = counts();

        // bound to test-nhi and test-kumiai only: test-hospital is not one of its insurers
        Map<String, Object> hospitalEvent = new LinkedHashMap<>(event);
        hospitalEvent.put("payload", Map.of("provider", "test-hospital", "localId", "x", "lostOn", "2026-12-01"));
        assertThat(adapters()
                        .post("/api/v1/linkage/inbox/test-hospital", Map.of("events", List.of(hospitalEvent)))
                        .status())
                .isEqualTo(403);
        assertThat(adapters().get("/api/v1/linkage/feed/test-hospital").status())
                .isEqualTo(403);
        // the city office is bound to every provider, but holds no linkage grant; nor do the other clients
        for (String client : new String[] {"city-office", "portal-gateway", "auth-service", "test-nhi-desk"}) {
            Api.Response refused = as(client).post("/api/v1/linkage/inbox/" + NHI, body);
            assertThat(refused.status()).as(client).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
            assertThat(as(client).get("/api/v1/linkage/feed/" + NHI).status())
                    .as(client)
                    .isEqualTo(403);
        }
        // an insurer's administrator reviews, never publishes
        Api admin = asOperator(insurerAdmin(NHI));
        assertThat(admin.post("/api/v1/linkage/inbox/" + NHI, body).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/linkage/feed/" + NHI).status()).isEqualTo(403);
        assertThat(anonymous().post("/api/v1/linkage/inbox/" + NHI, body).status())
                .isEqualTo(401);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aMalformedBatchIsRefusedWholeNamingWhatIsWrong() {
        Resident resident = resident();
        Map<String, Integer> before = counts();
        List<Consumer<Map<String, Object>>> breakages = List.of(
                e -> e.put("type", "MEMBER_MOVED"),
                e -> e.remove("eventId"),
                e -> e.put("eventId", "not-a-uuid"),
                e -> e.put("position", 0),
                e -> e.put("occurredAt", "yesterday"),
                e -> e.put("subject", "129999|10|1|00"),
                e -> payload(e).put("acquiredOn", "2026/04/01"),
                e -> payload(e).remove("acquiredOn"),
                e -> payload(e).put("provisionalSsn", "1234"),
                e -> payload(e).put("branch", "0"),
                e -> payload(e).put("number", "other"), // the ID fields no longer make the local ID
                e -> e.put("payload", "text"));
        for (Consumer<Map<String, Object>> breakage : breakages) {
            Map<String, Object> good = joined(NHI, resident, number(), LocalDate.of(2026, 4, 1));
            Map<String, Object> bad = joined(NHI, resident, number(), LocalDate.of(2026, 4, 1));
            breakage.accept(bad);
            Api.Response refused = push(NHI, List.of(good, bad));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("INVALID_LINKAGE_EVENT");
            assertThat(refused.json().path("detail").asText()).startsWith("events[1]");
        }
        Api.Response leaverWithoutDate = push(NHI, List.of(left(NHI, number(), LocalDate.of(2026, 12, 1), null)));
        assertThat(leaverWithoutDate.status()).isEqualTo(200); // the control: a well-formed leaver is taken
        Map<String, Object> noDate = left(NHI, number(), LocalDate.of(2026, 12, 1), null);
        payload(noDate).remove("lostOn");
        assertThat(push(NHI, List.of(noDate)).problemCode()).isEqualTo("INVALID_LINKAGE_EVENT");
        for (String body : new String[] {"not json", "[]", "{\"events\": {}}", "{}"}) {
            Api.Response refused = adapters().post("/api/v1/linkage/inbox/" + NHI, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("INVALID_LINKAGE_EVENT");
        }
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < PushedBatch.MAX_EVENTS + 1; i++) {
            tooMany.add(left(NHI, number(), LocalDate.of(2026, 12, 1), null));
        }
        assertThat(push(NHI, tooMany).problemCode()).isEqualTo("INVALID_LINKAGE_EVENT");
        String huge = "{\"events\": [], \"padding\": \"" + "x".repeat(PushedBatch.MAX_BYTES) + "\"}";
        assertThat(adapters()
                        .send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/linkage/inbox/" + NHI))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(huge)))
                        .problemCode())
                .isEqualTo("INVALID_LINKAGE_EVENT");
        // only the control leaver (NO_MAPPING) reached the inbox and the linkage log
        Map<String, Integer> after = counts();
        assertThat(after.get("linkage_inbox")).isEqualTo(before.get("linkage_inbox") + 1);
        assertThat(after.get("linkage_log")).isEqualTo(before.get("linkage_log") + 1);
        assertThat(after.get("service_mapping")).isEqualTo(before.get("service_mapping"));
        assertThat(after.get("link_review")).isEqualTo(before.get("link_review"));
    }

    @Test
    void aLeaverTheRelayMapsNobodyForIsRecordedAndAnsweredAsApplied() {
        String number = number();
        JsonNode answer = pushed(NHI, left(NHI, number, LocalDate.of(2026, 12, 1), "死亡"));
        assertThat(answer.path("applied").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM linkage_log WHERE subject = :s")
                        .param("s", localId(NHI, number))
                        .query(String.class)
                        .list())
                .containsExactly("NO_MAPPING");
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
