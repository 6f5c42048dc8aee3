package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.testsupport.MovableClock;

/**
 * Six rows linked and signed (checkpoint at seq 6), two more linked after it; then an attacker with the owner's
 * rights changes the database behind the triggers' back, and the verifier names the first spot.
 */
class AuditVerifierTest {

    @TempDir
    Path keyDir;

    AuditDatabase database;
    AuditVerifier verifier;

    @BeforeEach
    void sixSignedLinksAndTwoMore() throws Exception {
        database = AuditDatabase.create();
        AuditChainer chainer = new AuditChainer(database.runtimeDataSource(), AuditDatabase.CHAIN);
        AuditKey key = AuditKey.loadOrCreate(keyDir);
        for (int i = 1; i <= 6; i++) {
            database.insert("clerk-" + i, "READ", "note " + i);
        }
        chainer.linkPending();
        new AuditCheckpointer(
                        database.runtimeDataSource(),
                        AuditDatabase.CHAIN,
                        key,
                        new MovableClock(Instant.parse("2025-04-01T09:00:00.123456789Z")))
                .checkpoint()
                .orElseThrow();
        database.insert("clerk-7", "READ", "note 7");
        database.insert("clerk-8", "WRITE", "note 8");
        chainer.linkPending();
        verifier = AuditVerifier.inKeyDirectory(AuditDatabase.CHAIN, keyDir);
    }

    @Test
    void passesAnIntactChainAndSaysWhatIsNotSignedYet() throws Exception {
        Verification verification = verify();

        assertThat(verification.intact()).as(verification.describe()).isTrue();
        assertThat(verification.anchorSeq()).isZero();
        assertThat(verification.lastSeq()).isEqualTo(8);
        assertThat(verification.newestCheckpoint().seq()).isEqualTo(6);
        assertThat(verification.unsignedLinks()).isEqualTo(2);
        assertThat(verification.describe()).contains("intact").contains("links 1..8");
    }

    @Test
    void hashesRowsAlikeWhateverTheReadersSessionSettings() throws Exception {
        try (Connection connection = database.asRuntime();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(
                    "SET TimeZone = 'Asia/Tokyo'; SET DateStyle = 'ISO, DMY'; SET IntervalStyle = 'sql_standard'; SET bytea_output = 'escape'");

            assertThat(verifier.verify(connection).intact()).isTrue();
        }
    }

    @Test
    void namesAnAlteredRow() throws Exception {
        database.tamper("sample_audit", "UPDATE sample_audit SET note = 'nothing to see' WHERE id = 4");

        assertBroken(ChainBreak.Kind.ALTERED_ROW, 4, "sample_audit", 4L);
    }

    @Test
    void namesARowSetToNullEvenThoughNullColumnsAreLeftOutOfTheHash() throws Exception {
        database.tamper("sample_audit", "UPDATE sample_audit SET note = NULL WHERE id = 2");

        assertBroken(ChainBreak.Kind.ALTERED_ROW, 2, "sample_audit", 2L);
    }

    @Test
    void namesADeletedRow() throws Exception {
        database.tamper("sample_audit", "DELETE FROM sample_audit WHERE id = 5");

        assertBroken(ChainBreak.Kind.MISSING_ROW, 5, "sample_audit", 5L);
    }

    @Test
    void namesADeletedLink() throws Exception {
        database.tamper("audit_chain_link", "DELETE FROM audit_chain_link WHERE seq = 3");

        assertBroken(ChainBreak.Kind.MISSING_LINK, 3, null, null);
    }

    @Test
    void namesTwoRowsSwappedInPlace() throws Exception {
        database.tamper(
                "sample_audit",
                "UPDATE sample_audit a SET actor = b.actor, action = b.action, note = b.note, at = b.at"
                        + " FROM sample_audit b WHERE (a.id, b.id) IN ((2, 3), (3, 2))");

        assertBroken(ChainBreak.Kind.ALTERED_ROW, 2, "sample_audit", 2L);
    }

    @Test
    void namesTwoLinksSwappedInTheChain() throws Exception {
        database.tamper(
                "audit_chain_link",
                "UPDATE audit_chain_link SET seq = 1000 WHERE seq = 2",
                "UPDATE audit_chain_link SET seq = 2 WHERE seq = 3",
                "UPDATE audit_chain_link SET seq = 3 WHERE seq = 1000");

        assertBroken(ChainBreak.Kind.REORDERED_LINK, 2, "sample_audit", 3L);
    }

    @Test
    void namesTheCheckpointWhenTheWholeChainIsRecomputedAfterAChange() throws Exception {
        database.tamper("sample_audit", "UPDATE sample_audit SET note = 'rewritten' WHERE id = 1");
        database.rehashEveryLinkAsAnAttackerWithoutTheKeyWould();

        assertBroken(ChainBreak.Kind.CHECKPOINT_MISMATCH, 6, "sample_audit", 6L);
    }

    @Test
    void namesATamperedCheckpointSignature() throws Exception {
        database.tamper(
                "audit_chain_checkpoint",
                "UPDATE audit_chain_checkpoint SET signature = overlay(signature PLACING"
                        + " decode(lpad(to_hex(get_byte(signature, 10) # 1), 2, '0'), 'hex') FROM 11 FOR 1)");

        assertBroken(ChainBreak.Kind.BAD_CHECKPOINT_SIGNATURE, 6, null, null);
    }

    @Test
    void namesACheckpointMovedToAnotherSeq() throws Exception {
        database.tamper("audit_chain_checkpoint", "UPDATE audit_chain_checkpoint SET seq = 5");

        assertBroken(ChainBreak.Kind.BAD_CHECKPOINT_SIGNATURE, 5, null, null);
    }

    @Test
    void namesLinksCutFromTheEndBehindASignedCheckpoint() throws Exception {
        database.tamper("audit_chain_link", "DELETE FROM audit_chain_link WHERE seq >= 6");

        assertBroken(ChainBreak.Kind.MISSING_LINK, 6, null, null);
    }

    @Test
    void namesTheOldestLinksDeletedWithoutACheckpointToStartFrom() throws Exception {
        database.tamper("audit_chain_link", "DELETE FROM audit_chain_link WHERE seq <= 2");

        assertBroken(ChainBreak.Kind.MISSING_LINK, 2, null, null);
    }

    private void assertBroken(ChainBreak.Kind kind, long seq, String table, Long rowId) throws Exception {
        Verification verification = verify();
        assertThat(verification.intact()).as(verification.describe()).isFalse();
        ChainBreak broken = verification.broken();
        assertThat(broken.kind()).as(broken.describe()).isEqualTo(kind);
        assertThat(broken.seq()).as(broken.describe()).isEqualTo(seq);
        assertThat(broken.table()).isEqualTo(table);
        assertThat(broken.rowId()).isEqualTo(rowId);
        assertThat(verification.describe()).startsWith("test-service: BROKEN: " + kind.words());
    }

    private Verification verify() throws Exception {
        try (Connection connection = database.asRuntime()) {
            return verifier.verify(connection);
        }
    }
}
