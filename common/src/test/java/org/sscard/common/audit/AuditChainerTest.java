package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainerTest {

    @TempDir
    Path keyDir;

    AuditDatabase database;
    AuditChainer chainer;

    @BeforeEach
    void freshDatabase() throws Exception {
        database = AuditDatabase.create();
        chainer = new AuditChainer(database.runtimeDataSource(), AuditDatabase.CHAIN);
    }

    @Test
    void linksCommittedRowsTableByTableInIdOrderEachCoveringTheLinkBefore() throws Exception {
        long first = database.insert("clerk", "READ", "one");
        long second = database.insert("clerk", "READ", null);
        try (Connection connection = database.asRuntime();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO other_audit (payload, amount) VALUES ('\\x0102', 12.50)");
        }

        assertThat(chainer.linkPending()).isEqualTo(3);

        List<ChainLink> links = links();
        assertThat(links).extracting(ChainLink::seq).containsExactly(1L, 2L, 3L);
        assertThat(links)
                .extracting(link -> link.table() + "#" + link.rowId())
                .containsExactly("sample_audit#" + first, "sample_audit#" + second, "other_audit#1");
        assertThat(links.get(0).prevHash()).isEqualTo(Sha256.GENESIS);
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i).prevHash()).isEqualTo(links.get(i - 1).linkHash());
            assertThat(links.get(i).linkHash())
                    .isEqualTo(Sha256.link(
                            links.get(i - 1).linkHash(), links.get(i).rowHash(), i + 1));
        }
        assertThat(chainer.linkPending()).as("nothing is linked twice").isZero();
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void linksARowWhoseTransactionCommitsLateOnlyOnceItHasCommitted() throws Exception {
        try (Connection late = database.asRuntime();
                Statement statement = late.createStatement()) {
            late.setAutoCommit(false);
            statement.execute("INSERT INTO sample_audit (actor, action) VALUES ('late', 'READ')");
            long early = database.insert("early", "READ", null);

            assertThat(chainer.linkPending()).isEqualTo(1);
            assertThat(chainer.linkPending()).as("still uncommitted").isZero();
            assertThat(links()).extracting(ChainLink::rowId).containsExactly(early);

            late.commit();
        }
        long after = database.insert("after", "READ", null);

        assertThat(chainer.linkPending()).isEqualTo(2);
        assertThat(links()).extracting(ChainLink::rowId).containsExactly(2L, 1L, after);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void linksEveryRowOfConcurrentWritersExactlyOnceWhileTwoChainersRun() throws Exception {
        int writers = 4;
        int rowsEach = 40;
        AuditChainer secondInstance = new AuditChainer(database.runtimeDataSource(), AuditDatabase.CHAIN);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> chainers = new ArrayList<>();
            for (AuditChainer instance : List.of(chainer, secondInstance)) {
                chainers.add(threads.submit(() -> {
                    while (writing.get()) {
                        instance.linkPending();
                    }
                    return null;
                }));
            }
            List<Future<?>> inserts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String actor = "writer-" + w;
                inserts.add(threads.submit(() -> {
                    for (int i = 0; i < rowsEach; i++) {
                        database.insert(actor, "READ", "row " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> running : chainers) {
                running.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        chainer.linkPending();

        assertThat(database.count("SELECT count(*) FROM audit_chain_link")).isEqualTo(writers * rowsEach);
        assertThat(database.count("SELECT count(DISTINCT row_id) FROM audit_chain_link"))
                .isEqualTo(writers * rowsEach);
        assertThat(database.count("SELECT max(seq) FROM audit_chain_link")).isEqualTo(writers * rowsEach);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aSecondChainerSkipsItsTurnWhileTheFirstHoldsTheLock() throws Exception {
        database.insert("clerk", "READ", null);
        try (Connection other = database.asRuntime()) {
            other.setAutoCommit(false);
            assertThat(AuditChainer.tryLock(other)).isTrue();

            assertThat(chainer.linkPending()).isZero();

            other.rollback();
        }
        assertThat(chainer.linkPending()).isEqualTo(1);
    }

    private Verification verify() throws Exception {
        AuditKey.loadOrCreate(keyDir);
        try (Connection connection = database.asRuntime()) {
            return new AuditVerifier(AuditDatabase.CHAIN, AuditKey.publicKey(keyDir)).verify(connection);
        }
    }

    private List<ChainLink> links() throws SQLException {
        try (Connection connection = database.asRuntime()) {
            return ChainLink.after(connection, 0, 1000);
        }
    }
}
