package org.sscard.adapters.dependants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sscard.adapters.audit.WriteAudit;

/**
 * One verification as the insurer's administrator reviews it: the insured person and each answer with the
 * dependant's current record ({@code lostOn} set once an accepted verification ended their eligibility).
 * {@code history}: the write audit of this verification, oldest first, in the detail and the decisions' answers only.
 */
record ReviewItem(
        UUID id,
        int fiscalYear,
        Status status,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        Member insured,
        List<ReviewAnswer> answers,
        List<WriteAudit.Entry> history) {

    /** A member as the insurer holds them now; only the IDs when an import has since removed the row. */
    record Member(
            String localId,
            String symbol,
            String number,
            String branch,
            String nameKanji,
            String nameKana,
            LocalDate dateOfBirth,
            LocalDate lostOn,
            LocalDate validTo) {

        static Member of(String localId, MemberRow row) {
            if (row == null) {
                String[] parts = localId.split("\\|", -1);
                return new Member(
                        localId,
                        parts.length == 4 ? parts[1] : null,
                        parts.length == 4 ? parts[2] : null,
                        Answers.branch(localId),
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            return new Member(
                    localId,
                    row.symbol(),
                    row.number(),
                    row.branch(),
                    row.nameKanji(),
                    row.nameKana(),
                    row.dateOfBirth(),
                    row.lostOn(),
                    row.validTo());
        }
    }

    record ReviewAnswer(Member dependant, Answer answer, String note) {}

    /** A page of the queue, oldest submission first. */
    record Page(List<ReviewItem> items, int page, int size, long total) {}
}
