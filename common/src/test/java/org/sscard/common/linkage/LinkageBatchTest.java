package org.sscard.common.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkageBatchTest {

    private static final UUID ID = UUID.fromString("3f2a1c9e-8d7b-4e6f-9a0b-1c2d3e4f5a6b");

    @Test
    void writesTheContractsFeedAnswerAndReadsItBack() throws Exception {
        LinkageBatch batch = LinkageBatch.feed(List.of(event(ID, 17)), 12);

        String json = batch.write();

        assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
                        {"events":[{"eventId":"3f2a1c9e-8d7b-4e6f-9a0b-1c2d3e4f5a6b","position":17,
                          "type":"MEMBER_LEFT","subject":"06139999|10|2001|01",
                          "occurredAt":"2026-12-07T10:15:00Z","payload":{"lostOn":"2026-12-01"}}],
                         "next":17}"""));
        assertThat(LinkageBatch.read(json)).isEqualTo(batch);
        assertThat(LinkageBatch.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(batch);
    }

    @Test
    void anEmptyFeedAnswerRepeatsTheAfterAskedForAndAPushBodyHasNoNext() {
        assertThat(LinkageBatch.feed(List.of(), 42).write()).isEqualTo("{\"events\":[],\"next\":42}");
        assertThat(LinkageBatch.push(List.of(event(ID, 3))).toJson().has("next"))
                .isFalse();
    }

    @Test
    void anyObjectMapperUsesTheSameFormat() throws Exception {
        // a mapper without the Java-time module: the instant still travels as ISO-8601 text
        ObjectMapper plain = new ObjectMapper();
        LinkageBatch batch = LinkageBatch.push(List.of(event(ID, 5), event(UUID.randomUUID(), 9)));

        String json = plain.writeValueAsString(batch);

        assertThat(json).contains("\"occurredAt\":\"2026-12-07T10:15:00Z\"").doesNotContain("next");
        assertThat(plain.readValue(json, LinkageBatch.class)).isEqualTo(batch);
        assertThatThrownBy(() -> plain.readValue("{\"events\":[{\"eventId\":\"x\"}]}", LinkageBatch.class))
                .hasRootCauseInstanceOf(LinkageBatch.Invalid.class)
                .hasStackTraceContaining("events[0].eventId: a UUID");
    }

    @Test
    void refusesABatchItCannotApplyInOrderNamingTheField() {
        String good = LinkageBatch.push(List.of(event(ID, 5))).write();

        assertInvalid("[]", "a batch is a JSON object");
        assertInvalid("{\"event\":[]}", "events: required, an array");
        assertInvalid("{\"events\":[", "not JSON");
        assertInvalid(good.replace("\"position\":5", "\"position\":0"), "events[0].position: a positive integer");
        assertInvalid(good.replace("\"position\":5", "\"position\":\"5\""), "events[0].position: a positive integer");
        assertInvalid(good.replace("\"type\":\"MEMBER_LEFT\"", "\"type\":\"left\""), "events[0].type");
        assertInvalid(good.replace("\"subject\":\"06139999|10|2001|01\"", "\"subject\":\" \""), "events[0].subject");
        assertInvalid(good.replace("2026-12-07T10:15:00Z", "7 Dec 2026"), "events[0].occurredAt");
        assertInvalid(good.replace("{\"lostOn\":\"2026-12-01\"}", "[]"), "events[0].payload: required, an object");
        assertInvalid(good.replace(",\"payload\":{\"lostOn\":\"2026-12-01\"}", ""), "events[0].payload");
        assertInvalid(good.replace("}]}", "}],\"next\":4}"), "next: must be the last event's position");
        assertInvalid(
                "{\"events\":["
                        + LinkageBatch.push(List.of(event(ID, 5)))
                                .toJson()
                                .get("events")
                                .get(0) + ","
                        + LinkageBatch.push(List.of(event(UUID.randomUUID(), 5)))
                                .toJson()
                                .get("events")
                                .get(0) + "]}",
                "events[1].position: positions must increase within a batch");
    }

    @Test
    void carriesAtMostFiveHundredEvents() {
        List<LinkageEvent> events = new ArrayList<>();
        for (int i = 1; i <= LinkageBatch.MAX_EVENTS + 1; i++) {
            events.add(event(UUID.randomUUID(), i));
        }
        assertThat(LinkageBatch.push(events.subList(0, LinkageBatch.MAX_EVENTS)).events())
                .hasSize(500);

        assertThatThrownBy(() -> LinkageBatch.push(events))
                .isInstanceOf(LinkageBatch.Invalid.class)
                .hasMessageContaining("at most 500");
        String tooMany = "{\"events\":[" + "{},".repeat(LinkageBatch.MAX_EVENTS) + "{}]}";
        assertInvalid(tooMany, "events: at most 500 in a batch, not 501");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> LinkageBatch.read(json))
                .isInstanceOf(LinkageBatch.Invalid.class)
                .hasMessageContaining(message);
    }

    private static LinkageEvent event(UUID id, long position) {
        return new LinkageEvent(
                id,
                position,
                "MEMBER_LEFT",
                "06139999|10|2001|01",
                Instant.parse("2026-12-07T10:15:00Z"),
                JsonNodeFactory.instance.objectNode().put("lostOn", "2026-12-01"));
    }
}
