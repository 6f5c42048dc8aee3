package org.sscard.gateway.dependants;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An insurer's answer to {@code GET <base>/api/v1/dependant-verification} (insurer-adapters, docs/dependants.md):
 * this fiscal year's dependants of the resident and their submission, if any. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerificationState(
        int fiscalYear, String state, Insured insured, List<Dependant> dependants, Submission submission) {

    public VerificationState {
        dependants = dependants == null ? List.of() : List.copyOf(dependants);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Insured(String nameKanji, String nameKana) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dependant(
            String branch, String nameKanji, String nameKana, LocalDate dateOfBirth, String relationship) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(
            UUID id,
            String status,
            Instant submittedAt,
            Instant decidedAt,
            String decisionReason,
            List<SubmittedAnswer> answers) {

        public Submission {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmittedAnswer(String dependant, String nameKanji, String nameKana, String answer, String note) {

        public boolean stillDependant() {
            return "STILL_DEPENDANT".equals(answer);
        }
    }

    /** The resident may answer now: nothing submitted this year, or the insurer returned it. */
    public boolean answerable() {
        return ("DUE".equals(state) || "RETURNED".equals(state)) && !dependants.isEmpty();
    }

    /** The year as text, so that no message format groups its digits ("2,026"). */
    public String year() {
        return Integer.toString(fiscalYear);
    }
}
