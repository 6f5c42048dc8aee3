package org.sscard.common.audit;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Signs the chain's head: the newest link's seq and link_hash, with the service's audit key, into
 * {@code audit_chain_checkpoint}. Only when the head has moved since the last checkpoint, and under the chain's
 * advisory lock (so never while a batch of links is being added).
 */
public final class AuditCheckpointer {

    private final DataSource dataSource;
    private final AuditedChain chain;
    private final AuditKey key;
    private final Clock clock;

    AuditCheckpointer(DataSource dataSource, AuditedChain chain, AuditKey key, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.key = key;
        this.clock = clock;
    }

    /** The checkpoint made, or empty when the head has not moved (or another instance is busy with the chain). */
    public Optional<Checkpoint> checkpoint() throws SQLException, GeneralSecurityException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Checkpoint> made = Optional.empty();
                if (AuditChainer.tryLock(connection)) {
                    Optional<ChainLink> head = ChainLink.newest(connection);
                    Optional<Checkpoint> newest = Checkpoint.newest(connection);
                    if (head.isPresent()
                            && (newest.isEmpty()
                                    || newest.get().seq() < head.get().seq())) {
                        made = Optional.of(sign(head.get()));
                        made.get().insert(connection);
                    }
                }
                connection.commit();
                return made;
            } catch (SQLException | GeneralSecurityException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Checkpoint sign(ChainLink head) throws GeneralSecurityException {
        // microseconds: what timestamptz keeps, so that the time read back is the time signed
        var madeAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = key.sign(Checkpoint.payload(chain.name(), head.seq(), head.linkHash(), madeAt));
        return new Checkpoint(head.seq(), head.linkHash(), madeAt, key.id(), signature);
    }
}
