package org.sscard.common.audit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Signs the chain's head: the newest link's seq and link_hash, with the service's audit key, into
 * {@code audit_chain_checkpoint}. Only when the head has moved since the last checkpoint, under the chain's advisory
 * lock (so never while a batch of links is being added), and only a chain that still continues the head the service
 * signed last ({@link ChainContinuity}, {@link SignedHead}).
 */
public final class AuditCheckpointer {

    private final DataSource dataSource;
    private final AuditedChain chain;
    private final AuditKey key;
    private final Clock clock;

    public AuditCheckpointer(DataSource dataSource, AuditedChain chain, AuditKey key, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The checkpoint made, or empty when the head has not moved (or another instance is busy with the chain).
     *
     * @throws ChainRewrittenException when the chain no longer continues the head this service signed last: it signs
     *     nothing then, until an operator has looked ({@code bin/sscard-audit verify})
     */
    public Optional<Checkpoint> checkpoint() throws SQLException, GeneralSecurityException, IOException {
        Optional<SignedHead> signedLast = SignedHead.read(key.directory());
        Optional<Checkpoint> made = Optional.empty();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (AuditChainer.tryLock(connection)) {
                    made = signIfMoved(connection, signedLast);
                }
                connection.commit();
            } catch (SQLException | GeneralSecurityException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        if (made.isPresent()) {
            new SignedHead(made.get().seq(), made.get().linkHash()).write(key.directory());
        }
        return made;
    }

    private Optional<Checkpoint> signIfMoved(Connection connection, Optional<SignedHead> signedLast)
            throws SQLException, GeneralSecurityException {
        Optional<ChainLink> head = ChainLink.newest(connection);
        Optional<Checkpoint> newest = Checkpoint.newest(connection);
        if (head.isEmpty()
                || (newest.isPresent() && newest.get().seq() >= head.get().seq())) {
            return Optional.empty();
        }
        Optional<String> problem = ChainContinuity.problem(connection, chain.name(), key.publicKey(), signedLast);
        if (problem.isPresent()) {
            throw new ChainRewrittenException(chain.name() + ": " + problem.get());
        }
        // microseconds: what timestamptz keeps, so that the time read back is the time signed
        Instant madeAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = key.sign(
                Checkpoint.payload(chain.name(), head.get().seq(), head.get().linkHash(), madeAt));
        Checkpoint checkpoint = new Checkpoint(head.get().seq(), head.get().linkHash(), madeAt, key.id(), signature);
        checkpoint.insert(connection);
        return Optional.of(checkpoint);
    }
}
