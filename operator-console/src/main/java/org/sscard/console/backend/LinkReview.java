package org.sscard.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item of an insurer's link-review queue at the relay ({@code /api/v1/providers/<key>/link-reviews}): a joiner
 * record the five-item gate did not link ({@code MISMATCH}: a candidate differs or lacks an item;
 * {@code NO_CANDIDATE}: nobody found by the provisional SSN) or a link the resident said was not theirs
 * ({@code DISPUTED}). The list answers the summary; the detail adds the insurer's record and the relay's five items
 * (never the personal ID, the provisional SSN or the relay's person ID), the decision once made and, for a disputed
 * link, what the resident wrote when they said it was not theirs ({@code residentNote}: their own words, unchecked,
 * only ever shown escaped and never copied into admin_action).
 */
public record LinkReview(
        UUID id,
        String kind,
        String status,
        String localId,
        Instant openedAt,
        List<String> differences,
        Instant decidedAt,
        JsonNode decision,
        Items providerRecord,
        Items relayRecord,
        String residentNote) {

    public static final String MISMATCH = "MISMATCH";
    public static final String NO_CANDIDATE = "NO_CANDIDATE";
    public static final String DISPUTED = "DISPUTED";

    public LinkReview {
        differences = differences == null ? List.of() : List.copyOf(differences);
        residentNote = residentNote == null || residentNote.isBlank() ? null : residentNote;
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The decisions the relay takes for this kind of review, in the order the form offers them. */
    public List<String> allowedDecisions() {
        return switch (kind == null ? "" : kind) {
            case MISMATCH -> List.of("LINK", "REJECT");
            case NO_CANDIDATE -> List.of("REJECT");
            case DISPUTED -> List.of("CONFIRM_NOT_THEIRS", "REINSTATE");
            default -> List.of();
        };
    }

    /** The decision's code (LINK, REJECT, …): the list says it flat, the detail as an object. */
    public String decisionCode() {
        if (decision == null || decision.isNull()) {
            return null;
        }
        return decision.isTextual() ? decision.asText() : text(decision.path("decision"));
    }

    /** The reason the deciding operator gave, when the detail carries it. */
    public String decisionReason() {
        return decision == null || !decision.isObject() ? null : text(decision.path("reason"));
    }

    /** Who decided ({@code staff:<id>}), when the detail carries it. */
    public String decidedBy() {
        return decision == null || !decision.isObject() ? null : text(decision.path("decidedBy"));
    }

    /** When it was decided: the summary's field, else the decision's own. */
    public Instant decisionTime() {
        if (decidedAt != null) {
            return decidedAt;
        }
        String at = decision == null || !decision.isObject() ? null : text(decision.path("decidedAt"));
        try {
            return at == null ? null : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The member number as the insurance card prints it, from the local ID {@code insurer|symbol|number|branch}. */
    public String cardNumber() {
        if (localId == null) {
            return null;
        }
        String[] parts = localId.split("\\|", -1);
        return parts.length == 4 ? parts[1] + " " + parts[2] + " " + parts[3] : localId;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /**
     * A record's items: the five the gate compares, and (the insurer's record only) the ID fields, the relationship,
     * the acquisition date and a loss of coverage once one arrived.
     */
    public record Items(
            String nameKana,
            String nameKanji,
            LocalDate dateOfBirth,
            String sex,
            String address,
            LocalDate acquiredOn,
            String symbol,
            String number,
            String branch,
            String relationship,
            LocalDate lostOn,
            String lossReason) {}

    /** One page of the queue: OPEN oldest first, DECIDED newest first. */
    public record Page(List<LinkReview> items, Integer page, Integer size, Long total) implements Paged {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public long pages() {
            int perPage = size == null || size <= 0 ? DEFAULT_SIZE : size;
            return total == null ? 0 : (total + perPage - 1) / perPage;
        }
    }
}
