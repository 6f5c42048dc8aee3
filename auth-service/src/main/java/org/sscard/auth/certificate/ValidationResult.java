package org.sscard.auth.certificate;

import java.util.Objects;

/**
 * ACCEPT (with the path that was validated, for the login profiles built on top) or REJECT with a reason and a
 * detail for operators (never shown to the person as is). {@code pathNodesVisited}: how many partial paths the
 * path search visited to reach this verdict (0 when refused before any search, or for a revalidation); it never
 * exceeds the search's bound.
 */
public record ValidationResult(
        Verdict verdict, RejectReason reason, String detail, ValidatedPath path, int pathNodesVisited) {

    public enum Verdict {
        ACCEPT,
        REJECT
    }

    public ValidationResult {
        Objects.requireNonNull(verdict);
        if (verdict == Verdict.REJECT) {
            Objects.requireNonNull(reason, "a rejection needs a reason");
        }
    }

    public static ValidationResult accept(ValidatedPath path) {
        return new ValidationResult(Verdict.ACCEPT, null, null, Objects.requireNonNull(path), 0);
    }

    public static ValidationResult reject(RejectReason reason, String detail) {
        return new ValidationResult(Verdict.REJECT, reason, detail, null, 0);
    }

    /** The same verdict, as reached after visiting {@code nodes} partial paths in the path search. */
    public ValidationResult withPathNodesVisited(int nodes) {
        return new ValidationResult(verdict, reason, detail, path, nodes);
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPT;
    }

    /** {@code ACCEPT} or {@code REJECT <REASON>: <detail>}, as the CLI prints it. */
    public String describe() {
        return accepted() ? "ACCEPT" : "REJECT " + reason + ": " + detail;
    }
}
