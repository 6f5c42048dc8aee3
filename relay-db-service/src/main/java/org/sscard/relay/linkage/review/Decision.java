package org.sscard.relay.linkage.review;

import java.util.Arrays;
import java.util.Set;

/**
 * What an insurer's administrator may decide, for which kind of review, and the review's status after: a MISMATCH is
 * linked or rejected, a NO_CANDIDATE only rejected (there is nobody to link it to), a DISPUTED link confirmed not the
 * resident's (the mapping is removed for good) or reinstated (back to what it was before the dispute).
 */
public enum Decision {
    LINK(Set.of(ReviewKind.MISMATCH), "LINKED"),
    REJECT(Set.of(ReviewKind.MISMATCH, ReviewKind.NO_CANDIDATE), "REJECTED"),
    CONFIRM_NOT_THEIRS(Set.of(ReviewKind.DISPUTED), "CONFIRMED_NOT_THEIRS"),
    REINSTATE(Set.of(ReviewKind.DISPUTED), "REINSTATED");

    private final Set<ReviewKind> kinds;
    private final String status;

    Decision(Set<ReviewKind> kinds, String status) {
        this.kinds = kinds;
        this.status = status;
    }

    boolean allowedFor(ReviewKind kind) {
        return kinds.contains(kind);
    }

    /** The review's status after this decision. */
    String status() {
        return status;
    }

    /** The decision a decided review's status records; null for OPEN and WITHDRAWN (no one decided). */
    static Decision ofStatus(String status) {
        return Arrays.stream(values())
                .filter(decision -> decision.status.equals(status))
                .findFirst()
                .orElse(null);
    }
}
