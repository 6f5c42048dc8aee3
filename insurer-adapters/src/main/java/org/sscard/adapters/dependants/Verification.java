package org.sscard.adapters.dependants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored verification with its answers, in the order the dependants' branches sort. */
record Verification(
        UUID id,
        String insuredLocalId,
        int fiscalYear,
        Status status,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        List<StoredAnswer> answers) {

    record StoredAnswer(String dependantLocalId, Answer answer, String note) {}

    List<String> personLocalIds() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(insuredLocalId),
                        answers.stream().map(StoredAnswer::dependantLocalId))
                .toList();
    }

    Verification withAnswers(List<StoredAnswer> stored) {
        return new Verification(
                id, insuredLocalId, fiscalYear, status, submittedAt, decidedAt, decidedBy, decisionReason, stored);
    }
}
