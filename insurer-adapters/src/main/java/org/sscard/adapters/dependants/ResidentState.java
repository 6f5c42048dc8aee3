package org.sscard.adapters.dependants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This fiscal year's dependant verification as the insured person sees it ({@code GET dependant-verification}):
 * {@code state} NOT_REQUIRED (no dependants, nothing submitted), DUE (to answer), SUBMITTED (the insurer will
 * review it), ACCEPTED, or RETURNED (to answer again; {@code submission.decisionReason} says why). Dependants are
 * named by their branch (枝番), never by another ID.
 */
record ResidentState(int fiscalYear, String state, Insured insured, List<Dependant> dependants, Submission submission) {

    static final String NOT_REQUIRED = "NOT_REQUIRED";
    static final String DUE = "DUE";

    record Insured(String symbol, String number, String branch, String nameKanji, String nameKana) {}

    record Dependant(String branch, String nameKanji, String nameKana, LocalDate dateOfBirth, String relationship) {}

    record Submission(
            UUID id,
            Status status,
            Instant submittedAt,
            Instant decidedAt,
            String decisionReason,
            List<SubmittedAnswer> answers) {}

    record SubmittedAnswer(String dependant, String nameKanji, String nameKana, Answer answer, String note) {}

    /** The state's name from the newest verification of the year, else whether there is anything to answer. */
    static String state(boolean hasDependants, Optional<Verification> latest) {
        return latest.map(v -> v.status().name()).orElse(hasDependants ? DUE : NOT_REQUIRED);
    }
}
