package org.sscard.common.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels between services: the ID every consumer deduplicates on, its position in the publisher's
 * outbox (a consumer's cursor), its type, its subject (the person as the publisher names them; events of one subject
 * are delivered in position order), when the change was committed, and the payload written for this one consumer.
 */
public record LinkageEvent(
        UUID eventId, long position, String type, String subject, Instant occurredAt, JsonNode payload) {

    public LinkageEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (position < 1) {
            throw new IllegalArgumentException("position must be positive: " + position);
        }
    }
}
