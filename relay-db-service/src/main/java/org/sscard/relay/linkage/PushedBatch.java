package org.sscard.relay.linkage;

import static org.sscard.relay.linkage.EventFields.invalid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sscard.common.linkage.LinkageEvent;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.Sex;
import org.sscard.relay.provider.IdScheme;

/**
 * Reads a batch an insurer pushed ({@code {"events": [...]}}) and checks all of it before anything is applied: at most
 * {@value #MAX_EVENTS} events and 2 MB, each event whole (ID, position, type, subject, time, payload), each payload's
 * {@code provider} the provider of the path, its {@code localId} the subject and, for a joiner, the ID fields that
 * make that local ID (a sex other than MALE or FEMALE is read as missing). Anything else is INVALID_LINKAGE_EVENT and the whole batch is refused: the pusher retries, and
 * an operator must look (a malformed event never becomes a half-applied stream).
 */
final class PushedBatch {

    static final int MAX_EVENTS = 500;
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SSN = Pattern.compile("[0-9]{12}");
    private static final Pattern RELATIONSHIP = Pattern.compile("INSURED|DEPENDANT");

    private PushedBatch() {}

    static List<MemberEvent> read(InputStream body, String providerKey) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw invalid("the body is larger than 2 MB: push at most " + MAX_EVENTS + " events at a time");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw invalid("the body is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("events").isArray()) {
            throw invalid("the body is no batch: {\"events\": [...]} is expected");
        }
        JsonNode events = root.get("events");
        if (events.size() > MAX_EVENTS) {
            throw invalid("at most " + MAX_EVENTS + " events in one batch");
        }
        List<MemberEvent> read = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            read.add(event(new EventFields(events.get(i), "events[" + i + "]"), providerKey));
        }
        return read;
    }

    private static MemberEvent event(EventFields fields, String providerKey) {
        String type = fields.text("type", 40, true);
        if (!MemberEvent.MEMBER_JOINED.equals(type) && !MemberEvent.MEMBER_LEFT.equals(type)) {
            throw invalid(fields.path() + ".type: MEMBER_JOINED or MEMBER_LEFT is expected");
        }
        EventFields payload = fields.object("payload");
        LinkageEvent event = new LinkageEvent(
                fields.uuid("eventId"),
                fields.positive("position"),
                type,
                fields.text("subject", 200, true),
                fields.instant("occurredAt"),
                payload.node());
        if (!providerKey.equals(payload.text("provider", 40, true))) {
            throw invalid(payload.path() + ".provider: every event must be of the provider in the path ('" + providerKey
                    + "')");
        }
        String localId = nfkc(payload.text("localId", 200, true));
        if (!localId.equals(nfkc(event.subject()))) {
            throw invalid(fields.path() + ".subject: must be the payload's localId");
        }
        return MemberEvent.MEMBER_JOINED.equals(type) ? joined(event, payload, localId) : left(event, payload, localId);
    }

    private static MemberEvent.Joined joined(LinkageEvent event, EventFields payload, String localId) {
        ProviderRecord record = new ProviderRecord(
                payload.text("insurerNumber", 8, true),
                payload.text("symbol", 40, false),
                payload.text("number", 40, true),
                payload.text("branch", 2, true),
                payload.matching("relationship", RELATIONSHIP, false),
                payload.date("acquiredOn", true),
                payload.text("nameKana", 100, false),
                payload.text("nameKanji", 100, false),
                payload.date("dateOfBirth", false),
                sex(payload.node().get("sex")),
                payload.text("address", 300, false),
                payload.date("lostOn", false),
                payload.text("reason", 200, false));
        String canonical;
        try {
            canonical = record.localId().normalisedFor(IdScheme.INSURANCE_CARD).canonical();
        } catch (RelayException e) {
            throw invalid(payload.path() + ": the ID fields do not make an insurance-card ID: " + e.getMessage());
        }
        if (!canonical.equals(localId)) {
            throw invalid(payload.path() + ".localId: must be insurerNumber|symbol|number|branch (" + canonical + ")");
        }
        return new MemberEvent.Joined(event, canonical, record, payload.matching("provisionalSsn", SSN, false));
    }

    /**
     * MALE or FEMALE; anything else (NOT_KNOWN, NOT_APPLICABLE, a value no one knows) is kept as missing, so the
     * record waits in the review queue instead of the stream stopping on it.
     */
    private static Sex sex(JsonNode value) {
        String text = value == null || !value.isTextual() ? "" : value.asText().strip();
        return switch (text) {
            case "MALE" -> Sex.MALE;
            case "FEMALE" -> Sex.FEMALE;
            default -> null;
        };
    }

    private static MemberEvent.Left left(LinkageEvent event, EventFields payload, String localId) {
        return new MemberEvent.Left(event, localId, payload.date("lostOn", true), payload.text("reason", 200, false));
    }

    private static String nfkc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }
}
