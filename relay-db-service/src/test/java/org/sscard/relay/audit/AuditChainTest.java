package org.sscard.relay.audit;

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
import org.sscard.relay.support.RelayApiTest;

class AuditChainTest extends RelayApiTest {

    @Autowired
    AuditChainRunner chain;

    @Autowired
    DataSource dataSource;

    @Test
    void linksEveryAccessLogRowShortlyAfterItCommitsAndSignsTheHeadWithTheRelaysAuditKey() throws Exception {
        createPerson();
        long logged =
                jdbc.sql("SELECT max(id) FROM access_log").query(Long.class).single();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_chain_link WHERE audited_table = 'access_log'"
                                        + " AND row_id = ?")
                                .param(logged)
                                .query(Integer.class)
                                .single()
                        == 1);
        chain.linkNow();
        chain.checkpointNow();

        Path keys = AuditKey.directoryOf(DATA_DIR, "relay-db-service");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.pem"))))
                .isEqualTo("rw-------");
        try (Connection connection = dataSource.getConnection()) {
            Verification verification =
                    AuditVerifier.inKeyDirectory(AuditChainConfig.CHAIN, keys).verify(connection);
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            assertThat(verification.lastSeq()).isPositive();
            assertThat(verification.newestCheckpoint()).isNotNull();
        }
    }
}
