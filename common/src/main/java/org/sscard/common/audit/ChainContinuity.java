package org.sscard.common.audit;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Before the service signs a new head: does the chain still hold the head it signed last ({@link SignedHead}), or
 * else its newest validly signed checkpoint, and do the links from there to the newest follow each other? Only the
 * links since then are read, and no row is hashed again (the verifier does that): this is about never signing a
 * chain that was rewritten or cut in the meantime.
 */
final class ChainContinuity {

    private static final int PAGE = 1000;

    private ChainContinuity() {}

    /** What is wrong, or empty when the chain may be signed. */
    static Optional<String> problem(Connection connection, String chain, PublicKey key, Optional<SignedHead> signedLast)
            throws SQLException {
        long first = ChainLink.oldest(connection).map(ChainLink::seq).orElse(1L);
        long fromSeq;
        byte[] fromHash;
        if (signedLast.isPresent() && signedLast.get().seq() >= first - 1) {
            fromSeq = signedLast.get().seq();
            fromHash = signedLast.get().linkHash();
        } else {
            // no head signed before here (or cut since by an expiry): the oldest checkpoint the chain starts from
            Optional<Checkpoint> start = first > 1 ? Checkpoint.at(connection, first - 1) : Optional.empty();
            if (first > 1 && (start.isEmpty() || !signed(start.get(), chain, key))) {
                return Optional.of(
                        "the chain starts at seq " + first + " without a checkpoint signed at seq " + (first - 1));
            }
            fromSeq = first - 1;
            fromHash = start.map(Checkpoint::linkHash).orElse(Sha256.GENESIS);
        }
        if (fromSeq > 0 && !Arrays.equals(hashAt(connection, fromSeq), fromHash)) {
            return Optional.of("the chain no longer holds the head signed last (seq " + fromSeq + ")");
        }
        Optional<Checkpoint> newest = Checkpoint.newest(connection);
        if (newest.isPresent()
                && (!signed(newest.get(), chain, key)
                        || !Arrays.equals(
                                hashAt(connection, newest.get().seq()),
                                newest.get().linkHash()))) {
            return Optional.of("the newest checkpoint (seq " + newest.get().seq() + ") is not one of the chain's");
        }
        long expected = fromSeq + 1;
        byte[] running = fromHash;
        for (List<ChainLink> page = ChainLink.after(connection, fromSeq, PAGE);
                !page.isEmpty();
                page = ChainLink.after(connection, expected - 1, PAGE)) {
            for (ChainLink link : page) {
                if (link.seq() != expected
                        || !Arrays.equals(link.prevHash(), running)
                        || !Arrays.equals(Sha256.link(running, link.rowHash(), link.seq()), link.linkHash())) {
                    return Optional.of("the links after seq " + (expected - 1) + " do not follow each other");
                }
                running = link.linkHash();
                expected++;
            }
        }
        return Optional.empty();
    }

    private static byte[] hashAt(Connection connection, long seq) throws SQLException {
        Optional<ChainLink> link = ChainLink.at(connection, seq);
        if (link.isPresent()) {
            return link.get().linkHash();
        }
        return Checkpoint.at(connection, seq).map(Checkpoint::linkHash).orElse(null);
    }

    private static boolean signed(Checkpoint checkpoint, String chain, PublicKey key) {
        return AuditKey.verifies(key, checkpoint.payload(chain), checkpoint.signature());
    }
}
