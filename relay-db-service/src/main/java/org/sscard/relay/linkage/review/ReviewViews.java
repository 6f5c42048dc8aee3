package org.sscard.relay.linkage.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sscard.relay.linkage.FiveItems;
import org.sscard.relay.linkage.LinkageLog;
import org.sscard.relay.linkage.ProviderRecord;
import org.sscard.relay.person.Sex;

/**
 * What the review-queue API answers and takes. Never the personal ID, the provisional SSN or the relay's person ID:
 * the insurer sees its own record, the relay's five items beside it, and its own local IDs.
 */
public final class ReviewViews {

    private ReviewViews() {}

    public record Item(
            UUID id,
            ReviewKind kind,
            String localId,
            String status,
            Instant openedAt,
            List<String> differences,
            Instant decidedAt,
            Decision decision) {}

    public record Page(List<Item> items, int page, int size, long total) {}

    /**
     * {@code relayRecord}: the candidate's (MISMATCH) or the linked person's (DISPUTED) five items; else absent.
     * {@code residentNote}: what the resident wrote for the administrator when they said "this is not me" (DISPUTED
     * only, absent when they wrote nothing). The resident's own words, unchecked: whoever shows them escapes them.
     */
    public record Detail(
            UUID id,
            ReviewKind kind,
            String status,
            String localId,
            Instant openedAt,
            List<String> differences,
            InsurerRecord providerRecord,
            FiveItems relayRecord,
            String residentNote,
            DecisionView decision) {}

    /** The insurer's record: the five items, the acquisition date and the ID fields (and a loss if one arrived). */
    public record InsurerRecord(
            String nameKana,
            String nameKanji,
            LocalDate dateOfBirth,
            Sex sex,
            String address,
            LocalDate acquiredOn,
            String symbol,
            String number,
            String branch,
            String relationship,
            LocalDate lostOn,
            String lossReason) {

        static InsurerRecord of(ProviderRecord r) {
            return r == null
                    ? null
                    : new InsurerRecord(
                            r.nameKana(),
                            r.nameKanji(),
                            r.dateOfBirth(),
                            r.sex(),
                            r.address(),
                            r.acquiredOn(),
                            r.symbol(),
                            r.number(),
                            r.branch(),
                            r.relationship(),
                            r.lostOn(),
                            r.lossReason());
        }
    }

    /** {@code decision}: absent for a review the relay withdrew (a newer joiner event replaced it). */
    public record DecisionView(Decision decision, String reason, Instant decidedAt, String decidedBy) {}

    public record DecisionRequest(
            @NotNull Decision decision,
            @NotBlank @Size(max = 500) String reason) {}

    public record LogPage(List<LinkageLog.Entry> items, int page, int size, long total) {}
}
