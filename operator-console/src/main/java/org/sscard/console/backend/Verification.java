package org.sscard.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One dependant verification (被扶養者確認) as insurer-adapters' operator API answers it: the insured person and each
 * dependant as the insurer holds them now, the resident's answers and notes, the decision once made, and (in the
 * detail only) the write-audit history.
 */
public record Verification(
        UUID id,
        int fiscalYear,
        String status,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        Household insured,
        List<Answer> answers,
        List<History> history) {

    public Verification {
        answers = answers == null ? List.of() : List.copyOf(answers);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean open() {
        return "SUBMITTED".equals(status);
    }

    /** The dependants answered "no longer my dependant": those whose eligibility an acceptance ends. */
    public List<Answer> leaving() {
        return answers.stream().filter(Answer::leaving).toList();
    }

    /** A member of the household; only the local ID and number when the insurer no longer holds the row. */
    public record Household(
            String localId,
            String symbol,
            String number,
            String branch,
            String nameKanji,
            String nameKana,
            LocalDate dateOfBirth,
            LocalDate lostOn,
            LocalDate validTo) {}

    /** The resident's answer for one dependant. */
    public record Answer(Household dependant, String answer, String note) {
        public boolean leaving() {
            return "NO_LONGER_DEPENDANT".equals(answer);
        }
    }

    /** One write-audit row of the verification (before and after as the insurer wrote them). */
    public record History(
            Instant at,
            String actor,
            String organisation,
            String role,
            String action,
            String localId,
            JsonNode before,
            JsonNode after,
            String reason) {}
}
