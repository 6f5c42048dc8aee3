package org.sscard.issuer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.Verification;
import org.sscard.issuer.support.IssuerApiTest;

class AuditChainTest extends IssuerApiTest {

    @Autowired
    AuditChainRunner chain;

    @Autowired
    DataSource dataSource;

    @Test
    void linksEveryIssuerAuditRowShortlyAfterItCommitsAndSignsTheHeadWithTheIssuersAuditKey() throws Exception {
        long id = jdbc.sql("INSERT INTO issuer_audit (actor, action, outcome) VALUES ('test', 'chain-test',"
                        + " 'ACCEPTED') RETURNING id")
                .query(Long.class)
                .single();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_chain_link WHERE audited_table = 'issuer_audit'"
                                        + " AND row_id = ?")
                                .param(id)
                                .query(Integer.class)
                                .single()
                        == 1);
        chain.linkNow();
        chain.checkpointNow();

        Path keys = AuditKey.directoryOf(RELAY.dataDir(), "card-issuer");
        try (Connection connection = dataSource.getConnection()) {
            Verification verification =
                    AuditVerifier.inKeyDirectory(AuditChainConfig.CHAIN, keys).verify(connection);
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            assertThat(verification.newestCheckpoint()).isNotNull();
        }
    }
}
