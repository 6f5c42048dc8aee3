package org.sscard.common.audit;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The outcome of verifying one chain. {@code anchorSeq} is where verification started: 0 from the genesis, else the
 * seq of the (oldest kept) checkpoint it started from; {@code lastSeq} and {@code lastHash} the newest link checked
 * and its link hash (the head, which an operator may record elsewhere to compare later); {@code unsignedLinks}
 * the links after the newest checkpoint (protected by a signature only once the next checkpoint is made);
 * {@code unlinkedRows} audit rows no link names yet (normally only those written in the last moment).
 */
public record Verification(
        String chain,
        ChainBreak broken,
        long anchorSeq,
        long lastSeq,
        byte[] lastHash,
        Checkpoint newestCheckpoint,
        long unsignedLinks,
        long unlinkedRows) {

    public boolean intact() {
        return broken == null;
    }

    public Optional<ChainBreak> brokenAt() {
        return Optional.ofNullable(broken);
    }

    /** One line for the operator. */
    public String describe() {
        if (!intact()) {
            return chain + ": BROKEN: " + broken.describe();
        }
        String from = anchorSeq == 0 ? "the genesis" : "the checkpoint at seq " + anchorSeq;
        String signed = newestCheckpoint == null
                ? "no checkpoint yet"
                : "newest checkpoint seq " + newestCheckpoint.seq() + " made " + newestCheckpoint.madeAt();
        String links = lastSeq == anchorSeq ? "no links" : "links " + (anchorSeq + 1) + ".." + lastSeq;
        return chain + ": intact: " + links + " from " + from + "; head " + lastSeq + ":"
                + HexFormat.of().formatHex(lastHash) + "; " + signed + "; " + unsignedLinks
                + " link(s) not signed yet; " + unlinkedRows + " row(s) not linked yet";
    }
}
