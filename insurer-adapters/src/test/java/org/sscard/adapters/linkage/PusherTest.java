package org.sscard.adapters.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Eventually;
import org.sscard.adapters.support.FakeRelay;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * The pusher delivers each insurer's outbox to the relay's inbox (the stand-in relay checks the client-credentials
 * token of insurer-adapters for relay-db-service, fetched from the stand-in issuer with the service certificate), in
 * position order; a refused push is tried again with the same events until the relay takes them, nothing lost; after
 * ten failures in a row the linkage health is DOWN with the reason, while readiness stays UP.
 */
class PusherTest extends AdaptersTest {

    @Autowired
    LinkageHealth health;

    @Test
    void deliversTheEventsInTheirOrderWithTheServiceToken() {
        String admin = admin("kamogawa-nhi");
        join(admin, "kamogawa-nhi", "鴨川", "LP1", "00");
        join(admin, "kamogawa-nhi", "鴨川", "LP1", "01");
        lose(admin, "kamogawa-nhi", "122382|鴨川|LP1|00", "2027-01-01");

        List<String> outbox = outboxIds("kamogawa_nhi", "LP1");
        assertThat(outbox).hasSize(3);
        Eventually.until(
                "the relay took LP1's events", () -> distinctDelivered("|LP1|").size() == 3);
        assertThat(distinctDelivered("|LP1|")).containsExactlyElementsOf(outbox);
        assertThat(RELAY.delivered("|LP1|"))
                .extracting(e -> e.path("type").asText())
                .startsWith("MEMBER_JOINED", "MEMBER_JOINED", "MEMBER_LEFT");
        JsonNode left = RELAY.delivered("|LP1|").get(2);
        assertThat(left.path("payload").path("lostOn").asText()).isEqualTo("2027-01-01");
        assertThat(left.path("position").asLong()).isPositive();
        assertThat(left.path("occurredAt").asText()).isNotBlank();
        Eventually.until(
                "the push cursor moved past LP1's events",
                () -> count("SELECT position FROM kamogawa_nhi.linkage_cursor WHERE source = 'push:relay'")
                        >= count("SELECT max(position) FROM kamogawa_nhi.linkage_outbox WHERE subject LIKE '%|LP1|%'"));
    }

    @Test
    void whenTheRelayAnswers500ThenTheSameEventsAreDeliveredAgainWithoutLoss() {
        RELAY.failNextPushNaming("|LP2|");
        String admin = admin("kameda-kenpo");
        join(admin, "kameda-kenpo", "10", "LP2", "00");
        lose(admin, "kameda-kenpo", "06139999|10|LP2|00", "2027-01-01");
        List<String> outbox = outboxIds("kameda_kenpo", "LP2");

        Eventually.until(
                "the relay took LP2's events", () -> distinctDelivered("|LP2|").size() == 2);

        List<FakeRelay.Push> naming =
                RELAY.pushes().stream().filter(push -> push.names("|LP2|")).toList();
        assertThat(naming.get(0).status()).as("the first push was refused").isEqualTo(500);
        List<String> refused = ids(naming.get(0).events(), "|LP2|");
        FakeRelay.Push taken =
                naming.stream().filter(push -> push.status() == 200).findFirst().orElseThrow();
        assertThat(ids(taken.events(), "|LP2|"))
                .as("what was refused comes again, in order")
                .startsWith(refused.toArray(String[]::new));
        assertThat(distinctDelivered("|LP2|")).containsExactlyElementsOf(outbox);
    }

    @Test
    void tenFailuresInARowTurnTheLinkageHealthDownButNotReadiness() {
        RELAY.failEveryPushTo("minamiboso-nhi");
        try {
            join(admin("minamiboso-nhi"), "minamiboso-nhi", "南房総", "LP3", "00");

            Eventually.until(
                    "the linkage health is DOWN",
                    Duration.ofSeconds(60),
                    () -> health.health().getStatus().equals(Status.DOWN));
            assertThat(health.health().getDetails()).containsKey("minamiboso-nhi push");
            assertThat(health.health().getDetails().get("minamiboso-nhi push").toString())
                    .contains("failures in a row")
                    .contains("500");
            assertThat(Http.get(port, "/actuator/health/readiness", null).body())
                    .contains("\"UP\"");
            assertThat(distinctDelivered("|LP3|")).isEmpty();
        } finally {
            RELAY.heal("minamiboso-nhi");
        }
        Eventually.until(
                "delivered once the relay takes it",
                () -> distinctDelivered("|LP3|").size() == 1);
        Eventually.until(
                "the linkage health is UP again",
                () -> health.health().getStatus().equals(Status.UP));
    }

    static String admin(String insurer) {
        return Tokens.operator("operator-console", insurer, UUID.randomUUID().toString(), "INSURER_ADMIN", insurer);
    }

    private void join(String admin, String insurer, String symbol, String number, String branch) {
        join(port, admin, insurer, symbol, number, branch);
    }

    private void lose(String admin, String insurer, String localId, String lostOn) {
        lose(port, admin, insurer, localId, lostOn);
    }

    /** A joiner 試験 太郎 registered by the administrator given. */
    static void join(int port, String admin, String insurer, String symbol, String number, String branch) {
        Http.Response response =
                Http.postJson(port, "/" + insurer + "/api/v1/members", admin, """
                {"symbol":"%s","number":"%s","branch":"%s","relationship":"INSURED","nameKanji":"試験 太郎",\
                "nameKana":"シケン タロウ","dateOfBirth":"1980-01-01","sex":"MALE","acquiredOn":"2026-12-01",\
                "copayPercent":30}""".formatted(symbol, number, branch));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    static void lose(int port, String admin, String insurer, String localId, String lostOn) {
        Http.Response response = Http.postJson(
                port,
                "/" + insurer + "/api/v1/members/" + URLEncoder.encode(localId, StandardCharsets.UTF_8) + "/loss",
                admin,
                "{\"lostOn\":\"" + lostOn + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private List<String> outboxIds(String schema, String number) {
        return jdbc.sql("SELECT event_id::text FROM " + schema
                        + ".linkage_outbox WHERE subject LIKE ? ORDER BY position")
                .param("%|" + number + "|%")
                .query(String.class)
                .list();
    }

    /** The event IDs the relay took (answered 200), each once, in the order it first took them. */
    private static List<String> distinctDelivered(String subjectPart) {
        return ids(RELAY.delivered(subjectPart), subjectPart).stream()
                .distinct()
                .toList();
    }

    private static List<String> ids(List<JsonNode> events, String subjectPart) {
        return events.stream()
                .filter(e -> e.path("subject").asText().contains(subjectPart))
                .map(e -> e.path("eventId").asText())
                .toList();
    }
}
