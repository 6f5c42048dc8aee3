package org.sscard.relay.linkage.review;

/** Why a record waits for an administrator (link_review.kind). */
public enum ReviewKind {
    /** A candidate was found by provisional SSN, but one of the five items differs or is missing. */
    MISMATCH,
    /** No provisional SSN, or no registered resident has it. */
    NO_CANDIDATE,
    /** The resident said the link is not them ("this is not me"); the mapping is suspended meanwhile. */
    DISPUTED
}
