package org.sscard.common.audit;

/**
 * Where and how a chain is broken: the first link (by seq) at which verification failed, the audit row it names
 * when there is one, and what is wrong.
 */
public record ChainBreak(Kind kind, long seq, String table, Long rowId, String detail) {

    public enum Kind {
        /** The row's columns no longer hash to what was linked: changed, or swapped with another row's. */
        ALTERED_ROW("altered row"),
        /** The link names a row that is gone. */
        MISSING_ROW("missing row"),
        /** A seq is missing: links deleted, or the oldest cut without a checkpoint to start from. */
        MISSING_LINK("missing link"),
        /** The link does not follow the one before it: links reordered, or an earlier one rewritten. */
        REORDERED_LINK("reordered link"),
        /** The link's own hash does not cover its row hash, previous hash and seq. */
        ALTERED_LINK("altered link"),
        /** A checkpoint's signature does not verify with the service's audit public key. */
        BAD_CHECKPOINT_SIGNATURE("bad checkpoint signature"),
        /** A validly signed checkpoint names another link hash than the chain has at its seq. */
        CHECKPOINT_MISMATCH("checkpoint does not match the chain");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One line: e.g. {@code altered row: access_log row 17 (seq 17): its columns no longer match the hash linked}. */
    public String describe() {
        String where = table == null ? "seq " + seq : table + " row " + rowId + " (seq " + seq + ")";
        return kind.words() + ": " + where + ": " + detail;
    }
}
