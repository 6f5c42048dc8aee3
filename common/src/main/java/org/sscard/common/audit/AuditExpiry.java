package org.sscard.common.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Cuts a chain's oldest segment once it is past retention: the newest checkpoint made before the cut-off becomes
 * the chain's start; the links up to it, the audit rows they link and the older checkpoints are deleted. Only the
 * tables' owner can (the append-only triggers let a DELETE through only for the owner, inside a transaction that
 * names the checkpoint in {@code sscard.audit_expiry_through}); the runtime role holds no DELETE privilege at all.
 * The whole chain is verified first: a broken chain is evidence, and is never cut.
 */
public final class AuditExpiry {

    /** What an expiry did: {@code cutAt} is the checkpoint the chain now starts from (empty: nothing to cut). */
    public record Expired(Verification before, Optional<Checkpoint> cutAt, long rows, long links, long checkpoints) {

        public boolean refused() {
            return !before.intact();
        }
    }

    private final AuditedChain chain;
    private final PublicKey key;
    private final AuditVerifier verifier;

    private AuditExpiry(AuditedChain chain, PublicKey key, AuditVerifier verifier) {
        this.chain = chain;
        this.key = key;
        this.verifier = verifier;
    }

    /** With the service's audit public key (and the head it signed last) from its key folder. */
    public static AuditExpiry inKeyDirectory(AuditedChain chain, Path directory)
            throws IOException, GeneralSecurityException {
        return new AuditExpiry(chain, AuditKey.publicKey(directory), AuditVerifier.inKeyDirectory(chain, directory));
    }

    /** Connected as the owner of the chain's tables; {@code cutoff}: rows linked before it may go. */
    public Expired expire(Connection owner, Instant cutoff) throws SQLException {
        Verification before = verifier.verify(owner);
        if (!before.intact()) {
            return new Expired(before, Optional.empty(), 0, 0, 0);
        }
        owner.setReadOnly(false);
        owner.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        owner.setAutoCommit(false);
        try {
            lock(owner);
            Optional<Checkpoint> cut = Checkpoint.newestBefore(owner, cutoff);
            if (cut.isEmpty() || cut.get().seq() <= before.anchorSeq()) {
                owner.rollback();
                return new Expired(before, Optional.empty(), 0, 0, 0);
            }
            long through = cut.get().seq();
            if (!AuditKey.verifies(
                    key, cut.get().payload(chain.name()), cut.get().signature())) {
                throw new SQLException("the checkpoint at seq " + through + " does not verify; nothing was cut");
            }
            update(owner, "SELECT set_config('sscard.audit_expiry_through', ?, true)", Long.toString(through));
            long rows = 0;
            for (String table : chain.tables()) {
                rows += update(
                        owner,
                        "DELETE FROM " + AuditedChain.quote(table) + " WHERE id IN (SELECT row_id"
                                + " FROM audit_chain_link WHERE audited_table = ? AND seq <= " + through + ")",
                        table);
            }
            long links = update(owner, "DELETE FROM audit_chain_link WHERE seq <= " + through, null);
            long checkpoints = update(owner, "DELETE FROM audit_chain_checkpoint WHERE seq < " + through, null);
            owner.commit();
            return new Expired(before, cut, rows, links, checkpoints);
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        }
    }

    /** Waits for a chainer's batch to finish: the cut and a batch never interleave. */
    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, AuditChainer.LOCK);
            lock.executeQuery().close();
        }
    }

    private static long update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            if (statement.execute()) {
                try (ResultSet ignored = statement.getResultSet()) {
                    return 0;
                }
            }
            return statement.getUpdateCount();
        }
    }
}
