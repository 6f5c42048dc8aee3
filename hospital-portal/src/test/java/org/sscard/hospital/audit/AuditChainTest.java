package org.sscard.hospital.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.Verification;
import org.sscard.hospital.support.HospitalTest;

class AuditChainTest extends HospitalTest {

    @Autowired
    AuditChainRunner chain;

    @Autowired
    DataSource dataSource;

    @Test
    void linksEveryAccessLogRowShortlyAfterItCommitsSignsTheHeadAndNamesAnAlteredRow() throws Exception {
        long id = jdbc.sql("INSERT INTO access_log (patient_number, actor, action, purpose, channel)"
                        + " VALUES ('P-CHAIN-1', 'chain-test', 'READ', 'treatment', 'API') RETURNING id")
                .query(Long.class)
                .single();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_chain_link WHERE audited_table = 'access_log'"
                                        + " AND row_id = ?")
                                .param(id)
                                .query(Integer.class)
                                .single()
                        == 1);
        long seq = jdbc.sql("SELECT seq FROM audit_chain_link WHERE audited_table = 'access_log' AND row_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // a pass of the service's own chainer holds the chain's lock now and then: the checkpoint waits for its turn
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            chain.checkpointNow();
            return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_chain_checkpoint")
                            .query(Long.class)
                            .single()
                    >= seq;
        });

        Path keys = AuditKey.directoryOf(DATA_DIR, "hospital-portal");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.pem"))))
                .isEqualTo("rw-------");
        Verification intact = verify(keys);
        assertThat(intact.intact()).as(intact.describe()).isTrue();
        assertThat(intact.newestCheckpoint()).isNotNull();

        behindTheTriggers("UPDATE access_log SET purpose = 'curiosity' WHERE id = " + id);
        try {
            Verification altered = verify(keys);
            assertThat(altered.describe())
                    .startsWith("hospital-portal: BROKEN: altered row: access_log row " + id + " (seq ");
        } finally {
            behindTheTriggers("UPDATE access_log SET purpose = 'treatment' WHERE id = " + id);
        }
        assertThat(verify(keys).intact()).isTrue();
    }

    private Verification verify(Path keys) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.inKeyDirectory(AuditChainConfig.CHAIN, keys).verify(connection);
        }
    }

    /** As someone with the owner's rights could: the append-only trigger off, the change, the trigger back on. */
    private void behindTheTriggers(String sql) {
        jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER USER; " + sql + "; ALTER TABLE access_log ENABLE TRIGGER USER")
                .update();
    }
}
