package org.sscard.adapters.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.provider.Provider;
import org.sscard.common.linkage.LinkageEvent;

/**
 * Applies what the relay's feed says to this insurer, inside the poller's transaction (with the event's ID in the
 * inbox and the cursor): {@code PREVIOUS_COVERAGE_LOST} — a member's previous coverage, elsewhere, ended — becomes a
 * {@code previous_coverage} row (the notice the console shows) and an access-log entry for the member. The payload
 * names the previous insurer and the date only (data minimisation is the relay's; nothing else is kept here).
 */
@Component
class PreviousCoverageReceiver {

    static final String PREVIOUS_COVERAGE_LOST = "PREVIOUS_COVERAGE_LOST";
    static final String ACTOR = "relay";
    static final String PURPOSE = "保険者間連携 / inter-insurer linkage";

    private static final Logger log = LoggerFactory.getLogger(PreviousCoverageReceiver.class);

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Clock clock;

    PreviousCoverageReceiver(JdbcClient jdbc, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * Throws for a malformed event of a known type (the poller then stops there and retries, and the health shows
     * it: an operator must look), never for an unknown type, which a newer relay may send, nor for a member of
     * another insurer: those are recorded in the inbox and passed over with a warning.
     */
    void apply(Provider provider, LinkageEvent event) {
        if (!PREVIOUS_COVERAGE_LOST.equals(event.type())) {
            log.warn(
                    "linkage feed of {}: event {} of unknown type {} passed over",
                    provider.key(),
                    event.eventId(),
                    event.type());
            return;
        }
        JsonNode payload = event.payload();
        String localId = required(payload, "memberLocalId");
        if (!localId.equals(event.subject())) {
            throw new IllegalArgumentException("event " + event.eventId() + ": the subject is not the memberLocalId");
        }
        if (!localId.startsWith(provider.insurerNumber() + "|")) {
            // a fault in the data, not in this service: recorded as applied (the inbox row), without effect, so the
            // feed goes on; the log names the event, never the person
            log.warn(
                    "linkage feed of {}: event {} names a member not of this insurer: passed over",
                    provider.key(),
                    event.eventId());
            return;
        }
        LocalDate lostOn = LocalDate.parse(required(payload, "lostOn"));
        int inserted = jdbc.sql("INSERT INTO " + provider.table("previous_coverage")
                        + " (local_id, previous_insurer_name_ja, previous_insurer_name_en, lost_on, event_id,"
                        + " received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(
                        localId,
                        required(payload, "previousInsurerNameJa"),
                        required(payload, "previousInsurerNameEn"),
                        Date.valueOf(lostOn),
                        event.eventId(),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            accessLog.recordFor(
                    provider, List.of(localId), ACTOR, null, null, AccessAction.PREVIOUS_COVERAGE_RECEIVED, PURPOSE);
        }
    }

    private static String required(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("PREVIOUS_COVERAGE_LOST without " + field);
        }
        return value.asText();
    }
}
