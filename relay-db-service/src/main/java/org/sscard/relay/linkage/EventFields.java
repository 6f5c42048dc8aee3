package org.sscard.relay.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;

/** Reads the fields of one JSON object of a pushed batch; every failure names the field (events[3].payload.sex). */
final class EventFields {

    private final JsonNode node;
    private final String path;

    EventFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path + ": an object is expected");
        }
        this.node = node;
        this.path = path;
    }

    EventFields object(String name) {
        return new EventFields(node.get(name), path + "." + name);
    }

    /** The text, stripped; null when absent, null or blank, unless {@code required}. */
    String text(String name, int maxLength, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return requireOrNull(name, required);
        }
        if (!value.isTextual()) {
            throw invalid(at(name) + ": text is expected");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return requireOrNull(name, required);
        }
        if (text.length() > maxLength) {
            throw invalid(at(name) + ": at most " + maxLength + " characters");
        }
        return text;
    }

    String matching(String name, Pattern pattern, boolean required) {
        String text = text(name, 200, required);
        if (text != null && !pattern.matcher(text).matches()) {
            throw invalid(at(name) + ": must match " + pattern.pattern());
        }
        return text;
    }

    LocalDate date(String name, boolean required) {
        String text = text(name, 10, required);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(at(name) + ": an ISO date (2026-12-01) is expected");
        }
    }

    Instant instant(String name) {
        String text = text(name, 40, true);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(at(name) + ": an ISO instant (2026-12-07T10:15:00Z) is expected");
        }
    }

    UUID uuid(String name) {
        String text = text(name, 36, true);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid(at(name) + ": a UUID is expected");
        }
    }

    long positive(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw invalid(at(name) + ": a positive integer is expected");
        }
        return value.asLong();
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    static RelayException invalid(String detail) {
        return new RelayException(RelayError.INVALID_LINKAGE_EVENT, detail);
    }

    private String requireOrNull(String name, boolean required) {
        if (required) {
            throw invalid(at(name) + ": required");
        }
        return null;
    }

    private String at(String name) {
        return path + "." + name;
    }
}
