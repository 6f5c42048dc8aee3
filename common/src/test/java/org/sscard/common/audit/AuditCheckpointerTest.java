package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.testsupport.MovableClock;

/** Three rows linked and signed (seq 3). */
class AuditCheckpointerTest {

    @TempDir
    Path keyDir;

    AuditDatabase database;
    AuditChainer chainer;
    AuditCheckpointer checkpointer;

    @BeforeEach
    void threeSignedLinks() throws Exception {
        database = AuditDatabase.create();
        chainer = new AuditChainer(database.runtimeDataSource(), AuditDatabase.CHAIN);
        checkpointer = new AuditCheckpointer(
                database.runtimeDataSource(),
                AuditDatabase.CHAIN,
                AuditKey.loadOrCreate(keyDir),
                new MovableClock(Instant.parse("2025-04-01T09:00:00Z")));
        insertAndLink(3);
        checkpointer.checkpoint().orElseThrow();
    }

    @Test
    void signsTheHeadOnlyWhenItHasMovedAndKeepsTheHeadItSignedBesideTheKey() throws Exception {
        assertThat(checkpointer.checkpoint()).isEmpty();
        insertAndLink(2);

        Checkpoint made = checkpointer.checkpoint().orElseThrow();

        assertThat(made.seq()).isEqualTo(5);
        assertThat(Files.readString(keyDir.resolve(SignedHead.FILE)).trim())
                .isEqualTo("5 " + HexFormat.of().formatHex(made.linkHash()));
        assertThat(made.keyId()).isEqualTo(AuditKey.idOf(AuditKey.publicKey(keyDir)));
    }

    @Test
    void signsNothingOnceTheCheckpointsWereDeletedAndTheChainRewrittenFromItsStart() throws Exception {
        database.tamper("audit_chain_checkpoint", "DELETE FROM audit_chain_checkpoint");
        database.tamper("sample_audit", "UPDATE sample_audit SET actor = 'someone else' WHERE id = 1");
        database.rehashEveryLinkAsAnAttackerWithoutTheKeyWould();
        insertAndLink(1);

        assertThatThrownBy(checkpointer::checkpoint)
                .isInstanceOf(ChainRewrittenException.class)
                .hasMessageContaining("no longer holds the head signed last (seq 3)");
        assertThat(database.count("SELECT count(*) FROM audit_chain_checkpoint"))
                .isZero();
        try (Connection connection = database.asRuntime()) {
            Verification verification =
                    AuditVerifier.inKeyDirectory(AuditDatabase.CHAIN, keyDir).verify(connection);
            assertThat(verification.broken().kind()).isEqualTo(ChainBreak.Kind.CHECKPOINT_MISMATCH);
            assertThat(verification.broken().seq()).isEqualTo(3);
        }
    }

    @Test
    void signsNothingWhenALinkAfterTheHeadItSignedLastWasRewritten() throws Exception {
        insertAndLink(2);
        database.tamper("audit_chain_link", "UPDATE audit_chain_link SET prev_hash = link_hash WHERE seq = 5");

        assertThatThrownBy(checkpointer::checkpoint)
                .isInstanceOf(ChainRewrittenException.class)
                .hasMessageContaining("after seq 4");
    }

    private void insertAndLink(int rows) throws Exception {
        for (int i = 0; i < rows; i++) {
            database.insert("clerk", "READ", null);
        }
        chainer.linkPending();
    }
}
