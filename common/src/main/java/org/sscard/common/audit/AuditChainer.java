package org.sscard.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Links the committed rows of a chain's audit tables that no link names yet, in the order it finds them (table by
 * table, by id), each a link whose hash covers the one before. A row whose transaction has not committed is invisible
 * and simply linked by a later pass. Inserts take no part in this: a request writes its audit row and commits as
 * ever; the chain follows a moment later. Each batch is one transaction holding the chain's transaction-level
 * advisory lock, so two instances of a service never link at once (the other one skips its turn); the primary key
 * on seq and the unique (table, row) pair are the backstop.
 */
public final class AuditChainer {

    /** pg_try_advisory_xact_lock's key for "this database's audit chain" ("SSCAUDIT"). */
    static final long LOCK = 0x5353_4341_5544_4954L;

    static final int BATCH = 500;

    private final DataSource dataSource;
    private final AuditedChain chain;
    private final Map<String, SettledFloor> floors = new HashMap<>();

    public AuditChainer(DataSource dataSource, AuditedChain chain) {
        this.dataSource = dataSource;
        this.chain = chain;
        chain.tables().forEach(table -> floors.put(table, new SettledFloor()));
    }

    /** Links everything committed and not linked yet; returns how many rows it linked (0 if another instance is). */
    public synchronized int linkPending() throws SQLException {
        int linked = 0;
        while (true) {
            Batch batch = linkBatch();
            linked += batch.linked();
            if (!batch.more()) {
                return linked;
            }
        }
    }

    /** The next search starts from each table's first row (now and then, as a backstop to the floors). */
    public synchronized void searchEverything() {
        floors.values().forEach(SettledFloor::reset);
    }

    private record Batch(int linked, boolean more) {}

    private Batch linkBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return new Batch(0, false);
                }
                CanonicalText.apply(connection);
                Set<String> before = activeTransactions(connection);
                floors.values().forEach(floor -> floor.observe(before));
                ChainLink newest = ChainLink.newest(connection).orElse(null);
                long seq = newest != null
                        ? newest.seq()
                        : Checkpoint.newest(connection).map(Checkpoint::seq).orElse(0L);
                byte[] previous = newest != null
                        ? newest.linkHash()
                        : Checkpoint.newest(connection)
                                .map(Checkpoint::linkHash)
                                .orElse(Sha256.GENESIS);
                List<ChainLink> links = new ArrayList<>();
                Set<String> exhausted = new HashSet<>();
                Map<String, Long> highs = new HashMap<>();
                for (String table : chain.tables()) {
                    AuditedRows rows = AuditedRows.of(connection, table);
                    List<AuditedRows.HashedRow> found =
                            rows.unlinkedAbove(connection, floors.get(table).floor(), BATCH);
                    for (AuditedRows.HashedRow row : found) {
                        seq++;
                        byte[] linkHash = Sha256.link(previous, row.hash(), seq);
                        links.add(new ChainLink(seq, table, row.id(), row.hash(), previous, linkHash));
                        previous = linkHash;
                    }
                    if (found.size() < BATCH) {
                        exhausted.add(table);
                    }
                    highs.put(table, rows.maxId(connection));
                }
                Set<String> after = activeTransactions(connection);
                ChainLink.insert(connection, links);
                connection.commit();
                for (String table : chain.tables()) {
                    SettledFloor floor = floors.get(table);
                    if (exhausted.contains(table)) {
                        floor.settle();
                    }
                    floor.propose(highs.get(table), after);
                }
                return new Batch(links.size(), exhausted.size() < chain.tables().size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Every transaction of the server that is running now but this one, by virtual transaction ID. */
    private static Set<String> activeTransactions(Connection connection) throws SQLException {
        Set<String> active = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT virtualxid FROM pg_locks WHERE locktype = 'virtualxid' AND pid <> pg_backend_pid()");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                active.add(result.getString(1));
            }
        }
        return active;
    }
}
