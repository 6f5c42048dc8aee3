package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.testsupport.MovableClock;

/**
 * Three rows signed at T0 (checkpoint at seq 3), two more signed a day later (seq 5), one more not signed yet.
 */
class AuditExpiryTest {

    private static final Instant T0 = Instant.parse("2020-04-01T09:00:00Z");

    @TempDir
    Path keyDir;

    AuditDatabase database;
    AuditChainer chainer;
    AuditCheckpointer checkpointer;
    AuditExpiry expiry;

    @BeforeEach
    void twoSignedSegmentsAndAnUnsignedLink() throws Exception {
        database = AuditDatabase.create();
        chainer = new AuditChainer(database.runtimeDataSource(), AuditDatabase.CHAIN);
        MovableClock clock = new MovableClock(T0);
        checkpointer = new AuditCheckpointer(
                database.runtimeDataSource(), AuditDatabase.CHAIN, AuditKey.loadOrCreate(keyDir), clock);
        insertAndLink(3);
        checkpointer.checkpoint().orElseThrow();
        clock.advance(Duration.ofDays(1));
        insertAndLink(2);
        checkpointer.checkpoint().orElseThrow();
        insertAndLink(1);
        expiry = AuditExpiry.inKeyDirectory(AuditDatabase.CHAIN, keyDir);
    }

    @Test
    void theOwnerCutsTheOldestSegmentAndTheRestVerifiesFromItsCheckpoint() throws Exception {
        AuditExpiry.Expired expired = expireBefore(T0.plus(Duration.ofHours(1)));

        assertThat(expired.refused()).isFalse();
        assertThat(expired.cutAt().orElseThrow().seq()).isEqualTo(3);
        assertThat(expired.rows()).isEqualTo(3);
        assertThat(expired.links()).isEqualTo(3);
        assertThat(database.count("SELECT min(id) FROM sample_audit")).isEqualTo(4);
        assertThat(database.count("SELECT min(seq) FROM audit_chain_link")).isEqualTo(4);
        Verification after = verify();
        assertThat(after.intact()).as(after.describe()).isTrue();
        assertThat(after.anchorSeq()).isEqualTo(3);
        assertThat(after.lastSeq()).isEqualTo(6);

        insertAndLink(1);
        assertThat(verify().lastSeq()).as("the chain goes on").isEqualTo(7);
        assertThat(checkpointer.checkpoint()).as("and is signed on").isPresent();
    }

    @Test
    void aLaterExpiryMovesTheStartToTheNextCheckpointAndDropsTheOldOne() throws Exception {
        expireBefore(T0.plus(Duration.ofHours(1)));

        AuditExpiry.Expired expired = expireBefore(T0.plus(Duration.ofDays(2)));

        assertThat(expired.cutAt().orElseThrow().seq()).isEqualTo(5);
        assertThat(expired.checkpoints()).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM audit_chain_checkpoint"))
                .isEqualTo(1);
        Verification after = verify();
        assertThat(after.intact()).as(after.describe()).isTrue();
        assertThat(after.anchorSeq()).isEqualTo(5);
        insertAndLink(1);
        assertThat(checkpointer.checkpoint())
                .as("the head signed last was cut; its checkpoint stays")
                .isPresent();
    }

    @Test
    void cutsNothingWhenNoCheckpointIsOlderThanTheRetention() throws Exception {
        AuditExpiry.Expired expired = expireBefore(T0.minus(Duration.ofHours(1)));

        assertThat(expired.cutAt()).isEmpty();
        assertThat(database.count("SELECT count(*) FROM sample_audit")).isEqualTo(6);
    }

    @Test
    void refusesToCutABrokenChain() throws Exception {
        database.tamper("sample_audit", "UPDATE sample_audit SET note = 'changed' WHERE id = 2");

        AuditExpiry.Expired expired = expireBefore(T0.plus(Duration.ofHours(1)));

        assertThat(expired.refused()).isTrue();
        assertThat(expired.before().broken().kind()).isEqualTo(ChainBreak.Kind.ALTERED_ROW);
        assertThat(database.count("SELECT count(*) FROM sample_audit")).isEqualTo(6);
    }

    @Test
    void theOwnerDeletesNothingOutsideAnExpiryOrPastItsCheckpoint() throws Exception {
        assertOwnerRefused(null, "DELETE FROM sample_audit WHERE id = 1");
        assertOwnerRefused("3", "DELETE FROM sample_audit WHERE id = 4");
        assertOwnerRefused("2", "DELETE FROM sample_audit WHERE id = 1"); // no checkpoint at seq 2
        assertOwnerRefused("3", "DELETE FROM audit_chain_link WHERE seq = 4");
        assertOwnerRefused("3", "DELETE FROM audit_chain_checkpoint WHERE seq = 3");
        assertOwnerRefused("3", "UPDATE sample_audit SET note = 'x' WHERE id = 1");
        assertOwnerRefused("3", "TRUNCATE sample_audit CASCADE");
        assertThat(database.count("SELECT count(*) FROM sample_audit")).isEqualTo(6);
    }

    @Test
    void theRuntimeRoleCannotExpireEvenNamingACheckpoint() throws Exception {
        try (Connection runtime = database.asRuntime();
                Statement statement = runtime.createStatement()) {
            runtime.setAutoCommit(false);
            statement.execute("SELECT set_config('sscard.audit_expiry_through', '3', true)");
            assertThatThrownBy(() -> statement.execute("DELETE FROM sample_audit WHERE id = 1"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            runtime.rollback();
        }
        assertThatThrownBy(() -> {
                    try (Connection runtime = database.asRuntime()) {
                        expiry.expire(runtime, T0.plus(Duration.ofHours(1)));
                    }
                })
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(database.count("SELECT count(*) FROM sample_audit")).isEqualTo(6);
    }

    private void assertOwnerRefused(String through, String sql) throws SQLException {
        try (Connection owner = database.asOwner();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            if (through != null) {
                statement.execute("SELECT set_config('sscard.audit_expiry_through', '" + through + "', true)");
            }
            assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("append-only");
            owner.rollback();
        }
    }

    private AuditExpiry.Expired expireBefore(Instant cutoff) throws SQLException {
        try (Connection owner = database.asOwner()) {
            return expiry.expire(owner, cutoff);
        }
    }

    private Verification verify() throws Exception {
        try (Connection connection = database.asRuntime()) {
            return AuditVerifier.inKeyDirectory(AuditDatabase.CHAIN, keyDir).verify(connection);
        }
    }

    private void insertAndLink(int rows) throws Exception {
        for (int i = 0; i < rows; i++) {
            database.insert("clerk", "READ", null);
        }
        chainer.linkPending();
    }
}
