package org.sscard.common.linkage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A batch of events on the wire, the one format of both hops: the push body {@code {"events":[...]}} and the feed
 * answer {@code {"events":[...],"next":N}} ({@code next}: the last position returned, or the {@code after} asked for
 * when there is none). Reading is strict and fails closed with {@link Invalid} naming the field: the consumer moves
 * its cursor by these positions, so a batch out of order or with a field missing is refused whole.
 *
 * <p>The mapping does not depend on how a service configures Jackson: {@link #read}/{@link #write} use their own
 * mapper, and Spring's mapper goes through the same {@link #fromJson}/{@link #toJson} (a {@code @RequestBody
 * LinkageBatch} that fails here is an {@code HttpMessageNotReadableException} whose cause chain holds {@link
 * Invalid}).
 */
public record LinkageBatch(List<LinkageEvent> events, Long next) {

    /** The most events one batch may carry (push body and feed answer alike). */
    public static final int MAX_EVENTS = Outbox.MAX_BATCH;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_SUBJECT = 200;

    public LinkageBatch {
        events = List.copyOf(events);
        if (events.size() > MAX_EVENTS) {
            throw new Invalid("events: at most " + MAX_EVENTS + " in a batch, not " + events.size());
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).position() <= events.get(i - 1).position()) {
                throw new Invalid("events[" + i + "].position: positions must increase within a batch");
            }
        }
        if (next != null) {
            if (next < 0) {
                throw new Invalid("next: must not be negative");
            }
            if (!events.isEmpty() && next != events.get(events.size() - 1).position()) {
                throw new Invalid("next: must be the last event's position");
            }
        }
    }

    /** A push body: the events, no {@code next}. */
    public static LinkageBatch push(List<LinkageEvent> events) {
        return new LinkageBatch(events, null);
    }

    /** A feed answer to {@code ?after=}: {@code next} is the last position returned, or {@code after} when none. */
    public static LinkageBatch feed(List<LinkageEvent> events, long after) {
        return new LinkageBatch(
                events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    /** Reads a batch from JSON text; {@link Invalid} when it is not one. */
    public static LinkageBatch read(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a batch from JSON bytes (UTF-8); {@link Invalid} when it is not one. */
    public static LinkageBatch read(byte[] json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("not readable: " + e.getMessage());
        }
    }

    /** The batch as JSON text. */
    public String write() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch that cannot be written as JSON", e);
        }
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("events");
        for (LinkageEvent event : events) {
            array.addObject()
                    .put("eventId", event.eventId().toString())
                    .put("position", event.position())
                    .put("type", event.type())
                    .put("subject", event.subject())
                    .put("occurredAt", event.occurredAt().toString())
                    .set("payload", event.payload());
        }
        if (next != null) {
            root.put("next", next);
        }
        return root;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LinkageBatch fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new Invalid("a batch is a JSON object");
        }
        JsonNode array = root.get("events");
        if (array == null || !array.isArray()) {
            throw new Invalid("events: required, an array");
        }
        if (array.size() > MAX_EVENTS) {
            throw new Invalid("events: at most " + MAX_EVENTS + " in a batch, not " + array.size());
        }
        List<LinkageEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(event(array.get(i), "events[" + i + "]."));
        }
        JsonNode next = root.get("next");
        if (next == null || next.isNull()) {
            return new LinkageBatch(events, null);
        }
        if (!next.isIntegralNumber() || !next.canConvertToLong()) {
            throw new Invalid("next: an integer");
        }
        return new LinkageBatch(events, next.longValue());
    }

    private static LinkageEvent event(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new Invalid(at.substring(0, at.length() - 1) + ": an object");
        }
        String eventId = text(node, at, "eventId");
        if (!UUID_TEXT.matcher(eventId).matches()) {
            throw new Invalid(at + "eventId: a UUID");
        }
        JsonNode position = node.get("position");
        if (position == null || !position.isIntegralNumber() || !position.canConvertToLong() || position.asLong() < 1) {
            throw new Invalid(at + "position: a positive integer");
        }
        String type = text(node, at, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new Invalid(at + "type: upper-case letters, digits and _");
        }
        String subject = text(node, at, "subject");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new Invalid(at + "subject: 1 to " + MAX_SUBJECT + " characters");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(node, at, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new Invalid(at + "occurredAt: an ISO-8601 instant such as 2026-12-07T10:15:00Z");
        }
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new Invalid(at + "payload: required, an object");
        }
        return new LinkageEvent(UUID.fromString(eventId), position.asLong(), type, subject, occurredAt, payload);
    }

    private static String text(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new Invalid(at + field + ": required, a string");
        }
        return value.textValue();
    }

    /** Not a batch: the message names the field (for a 400 problem's detail; it never echoes a value). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }
}
