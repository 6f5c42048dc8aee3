package org.sscard.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.Verification;
import org.sscard.desk.support.DeskTest;

class AuditChainTest extends DeskTest {

    @Autowired
    AuditChainRunner chain;

    @Autowired
    DataSource dataSource;

    @Test
    void linksEveryCheckRecordAndClerkFlagIntoOneChainSignsTheHeadAndNamesAnAlteredRow() throws Exception {
        String clerk = newClerk();
        long check = jdbc.sql("""
                        INSERT INTO check_record (check_id, at, clerk, organisation, role, channel, method, outcome)
                        VALUES (:id, now(), :clerk, :hospital, 'RECEPTION_CLERK', 'API', 'CARD', 'VALID')
                        RETURNING id""")
                .param("id", UUID.randomUUID())
                .param("clerk", clerk)
                .param("hospital", HOSPITAL)
                .query(Long.class)
                .single();
        long flag = jdbc.sql("""
                        INSERT INTO clerk_flag (flag_id, at, clerk, organisation, checks_in_window, max_checks,
                                                window_seconds)
                        VALUES (:id, now(), :clerk, :hospital, 61, 60, 600) RETURNING id""")
                .param("id", UUID.randomUUID())
                .param("clerk", clerk)
                .param("hospital", HOSPITAL)
                .query(Long.class)
                .single();

        await().atMost(Duration.ofSeconds(30)).until(() -> linked("check_record", check) && linked("clerk_flag", flag));
        long seq = jdbc.sql("SELECT max(seq) FROM audit_chain_link WHERE (audited_table, row_id)"
                        + " IN (('check_record', :check), ('clerk_flag', :flag))")
                .param("check", check)
                .param("flag", flag)
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

        Path keys = AuditKey.directoryOf(DATA_DIR, "reception-desk");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.pem"))))
                .isEqualTo("rw-------");
        Verification intact = verify(keys);
        assertThat(intact.intact()).as(intact.describe()).isTrue();
        assertThat(intact.newestCheckpoint()).isNotNull();

        // a flag quietly made smaller, as if the clerk had never gone far over the limit
        behindTheTriggers("clerk_flag", "UPDATE clerk_flag SET checks_in_window = 60 WHERE id = " + flag);
        try {
            Verification altered = verify(keys);
            assertThat(altered.describe())
                    .startsWith("reception-desk: BROKEN: altered row: clerk_flag row " + flag + " (seq ");
        } finally {
            behindTheTriggers("clerk_flag", "UPDATE clerk_flag SET checks_in_window = 61 WHERE id = " + flag);
        }
        assertThat(verify(keys).intact()).isTrue();
    }

    private boolean linked(String table, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_chain_link WHERE audited_table = ? AND row_id = ?")
                        .param(table)
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private Verification verify(Path keys) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.inKeyDirectory(AuditChainConfig.CHAIN, keys).verify(connection);
        }
    }

    /** As someone with the owner's rights could: the append-only triggers off, the change, the triggers back on. */
    private void behindTheTriggers(String table, String sql) {
        jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER; " + sql + "; ALTER TABLE " + table
                        + " ENABLE TRIGGER USER")
                .update();
    }
}
