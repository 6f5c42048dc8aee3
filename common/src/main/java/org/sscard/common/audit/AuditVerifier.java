package org.sscard.common.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a chain from its oldest checkpoint (or the genesis) to its newest link, and names the first break by seq:
 * every seq present, every link following the one before and covering its row, every row there and unchanged, every
 * checkpoint on the way signed by the service's audit key and matching the chain. Reads one consistent snapshot
 * (repeatable read, read-only), so a chainer linking meanwhile changes nothing it sees; any role that may read the
 * tables will do.
 */
public final class AuditVerifier {

    private static final int PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final AuditedChain chain;
    private final PublicKey key;
    private final String keyId;
    private final SignedHead signedLast;

    public AuditVerifier(AuditedChain chain, PublicKey key) {
        this(chain, key, null);
    }

    private AuditVerifier(AuditedChain chain, PublicKey key, SignedHead signedLast) {
        this.chain = chain;
        this.key = key;
        this.keyId = AuditKey.idOf(key);
        this.signedLast = signedLast;
    }

    /**
     * With the service's audit public key from its key folder ({@link AuditKey#directoryOf}), and the head it signed
     * last, if it keeps one there: the chain must still hold it.
     */
    public static AuditVerifier inKeyDirectory(AuditedChain chain, Path directory)
            throws IOException, GeneralSecurityException {
        return new AuditVerifier(
                chain, AuditKey.publicKey(directory), SignedHead.read(directory).orElse(null));
    }

    public Verification verify(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            CanonicalText.apply(connection);
            return walk(connection);
        } finally {
            connection.rollback();
        }
    }

    private Verification walk(Connection connection) throws SQLException {
        List<ChainLink> page = ChainLink.after(connection, 0, PAGE);
        Optional<Checkpoint> oldest = Checkpoint.oldest(connection);
        long first = page.isEmpty()
                ? oldest.map(c -> c.seq() + 1).orElse(1L)
                : page.get(0).seq();
        Checkpoint anchor = null;
        if (first > 1) {
            anchor = Checkpoint.at(connection, first - 1).orElse(null);
            if (anchor == null) {
                return broken(new ChainBreak(
                        ChainBreak.Kind.MISSING_LINK,
                        first - 1,
                        null,
                        null,
                        "the chain starts at seq " + first + " and no checkpoint at seq " + (first - 1)
                                + " anchors it (links deleted, or cut without a checkpoint)"));
            }
            ChainBreak bad = signatureProblem(anchor);
            if (bad != null) {
                return broken(bad);
            }
        }
        long expected = first;
        byte[] running = anchor == null ? Sha256.GENESIS : anchor.linkHash();
        if (signedLast != null && signedLast.seq() == first - 1 && !Arrays.equals(signedLast.linkHash(), running)) {
            return broken(new ChainBreak(
                    ChainBreak.Kind.CHECKPOINT_MISMATCH,
                    first - 1,
                    null,
                    null,
                    "the chain starts from another head than the service signed last for this seq"));
        }
        Map<String, AuditedRows> tables = new HashMap<>();
        for (String table : chain.tables()) {
            tables.put(table, AuditedRows.of(connection, table));
        }
        while (!page.isEmpty()) {
            Map<Long, Checkpoint> checkpoints = new HashMap<>();
            for (Checkpoint checkpoint : Checkpoint.between(
                    connection, expected - 1, page.get(page.size() - 1).seq())) {
                checkpoints.put(checkpoint.seq(), checkpoint);
            }
            Map<String, Map<Long, byte[]>> rows = rowHashes(connection, tables, page);
            for (ChainLink link : page) {
                ChainBreak problem = check(link, expected, running, tables, rows, checkpoints.get(link.seq()));
                if (problem != null) {
                    return broken(problem);
                }
                running = link.linkHash();
                expected = link.seq() + 1;
            }
            page = ChainLink.after(connection, expected - 1, PAGE);
        }
        long last = expected - 1;
        if (signedLast != null && signedLast.seq() > last) {
            return broken(new ChainBreak(
                    ChainBreak.Kind.MISSING_LINK,
                    last + 1,
                    null,
                    null,
                    "the chain ends at seq " + last + " but the service signed it up to seq " + signedLast.seq()
                            + " (links deleted)"));
        }
        for (Checkpoint beyond : Checkpoint.between(connection, last, Long.MAX_VALUE)) {
            ChainBreak bad = signatureProblem(beyond);
            return broken(
                    bad != null
                            ? bad
                            : new ChainBreak(
                                    ChainBreak.Kind.MISSING_LINK,
                                    last + 1,
                                    null,
                                    null,
                                    "the chain ends at seq " + last + " but a checkpoint signed it up to seq "
                                            + beyond.seq() + " (links deleted)"));
        }
        Checkpoint newest = Checkpoint.newest(connection).orElse(null);
        long unlinked = 0;
        for (AuditedRows table : tables.values()) {
            unlinked += table.unlinkedCount(connection);
        }
        long unsigned = last - (newest == null ? 0 : newest.seq());
        return new Verification(chain.name(), null, first - 1, last, running, newest, unsigned, unlinked);
    }

    private ChainBreak check(
            ChainLink link,
            long expected,
            byte[] running,
            Map<String, AuditedRows> tables,
            Map<String, Map<Long, byte[]>> rows,
            Checkpoint checkpoint) {
        if (link.seq() != expected) {
            return new ChainBreak(
                    ChainBreak.Kind.MISSING_LINK,
                    expected,
                    null,
                    null,
                    "seq " + expected + (link.seq() - 1 > expected ? " to " + (link.seq() - 1) : "")
                            + " missing: the next link is seq " + link.seq());
        }
        if (!Arrays.equals(link.prevHash(), running)) {
            return at(
                    link,
                    ChainBreak.Kind.REORDERED_LINK,
                    "its previous hash is not the link hash of seq " + (link.seq() - 1));
        }
        if (!Arrays.equals(Sha256.link(link.prevHash(), link.rowHash(), link.seq()), link.linkHash())) {
            return at(link, ChainBreak.Kind.ALTERED_LINK, "its link hash does not cover its row hash and seq");
        }
        if (!tables.containsKey(link.table())) {
            return at(link, ChainBreak.Kind.ALTERED_LINK, "it names a table that is not audited");
        }
        byte[] now = rows.get(link.table()).get(link.rowId());
        if (now == null) {
            return at(link, ChainBreak.Kind.MISSING_ROW, "the row it links is gone");
        }
        if (!Arrays.equals(now, link.rowHash())) {
            return at(
                    link,
                    ChainBreak.Kind.ALTERED_ROW,
                    "the row's columns no longer match the hash linked (" + HEX.formatHex(link.rowHash()) + ", now "
                            + HEX.formatHex(now) + ")");
        }
        if (signedLast != null
                && signedLast.seq() == link.seq()
                && !Arrays.equals(signedLast.linkHash(), link.linkHash())) {
            return at(
                    link,
                    ChainBreak.Kind.CHECKPOINT_MISMATCH,
                    "the service signed another link hash for this seq last (" + SignedHead.FILE + ")");
        }
        if (checkpoint != null) {
            ChainBreak bad = signatureProblem(checkpoint);
            if (bad != null) {
                return bad;
            }
            if (!Arrays.equals(checkpoint.linkHash(), link.linkHash())) {
                return at(
                        link,
                        ChainBreak.Kind.CHECKPOINT_MISMATCH,
                        "the checkpoint made " + checkpoint.madeAt() + " signed another link hash for this seq");
            }
        }
        return null;
    }

    private ChainBreak signatureProblem(Checkpoint checkpoint) {
        String problem = null;
        if (!keyId.equals(checkpoint.keyId())) {
            problem = "signed by another key (" + checkpoint.keyId() + ") than the service's audit key (" + keyId + ")";
        } else if (!AuditKey.verifies(key, checkpoint.payload(chain.name()), checkpoint.signature())) {
            problem = "the signature of the checkpoint made " + checkpoint.madeAt() + " does not verify";
        }
        return problem == null
                ? null
                : new ChainBreak(ChainBreak.Kind.BAD_CHECKPOINT_SIGNATURE, checkpoint.seq(), null, null, problem);
    }

    private static ChainBreak at(ChainLink link, ChainBreak.Kind kind, String detail) {
        return new ChainBreak(kind, link.seq(), link.table(), link.rowId(), detail);
    }

    private Verification broken(ChainBreak problem) {
        return new Verification(chain.name(), problem, 0, 0, Sha256.GENESIS, null, 0, 0);
    }

    private static Map<String, Map<Long, byte[]>> rowHashes(
            Connection connection, Map<String, AuditedRows> tables, List<ChainLink> page) throws SQLException {
        Map<String, List<Long>> ids = new HashMap<>();
        for (ChainLink link : page) {
            ids.computeIfAbsent(link.table(), table -> new ArrayList<>()).add(link.rowId());
        }
        Map<String, Map<Long, byte[]>> hashes = new HashMap<>();
        for (Map.Entry<String, List<Long>> entry : ids.entrySet()) {
            AuditedRows rows = tables.get(entry.getKey());
            hashes.put(entry.getKey(), rows == null ? Map.of() : rows.hashesOf(connection, entry.getValue()));
        }
        return hashes;
    }
}
