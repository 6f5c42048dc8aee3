package org.sscard.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.Verification;

class AuditChainTest extends AuthServiceTest {

    @Autowired
    AuditChainRunner chain;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void linksEveryLoginAuditRowShortlyAfterItCommitsAndSignsTheHeadWithTheServicesAuditKey() throws Exception {
        long id = jdbc.sql("INSERT INTO login_audit (event, outcome, reason) VALUES ('card-login', 'failure',"
                        + " 'CARD_UNKNOWN') RETURNING id")
                .query(Long.class)
                .single();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_chain_link WHERE audited_table = 'login_audit'"
                                        + " AND row_id = ?")
                                .param(id)
                                .query(Integer.class)
                                .single()
                        == 1);
        chain.linkNow();
        chain.checkpointNow();

        Path keys = AuditKey.directoryOf(RELAY.dataDir(), "auth-service");
        try (Connection connection = dataSource.getConnection()) {
            Verification verification =
                    AuditVerifier.inKeyDirectory(AuditChainConfig.CHAIN, keys).verify(connection);
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            assertThat(verification.newestCheckpoint()).isNotNull();
        }
    }
}
