package org.sscard.adapters.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.Verification;

/** One chain per provider schema, each with its own key: the three of the platform and the fourth by configuration. */
class AuditChainTest extends AdaptersTest {

    @Autowired
    ProviderAuditChains chains;

    @Autowired
    Providers providers;

    @Autowired
    DataSourceProperties database;

    @Test
    void linksEveryProvidersAccessLogIntoItsOwnChainSignedWithItsOwnAuditKey() throws Exception {
        List<Provider> all = providers.all();
        assertThat(all)
                .extracting(Provider::schema)
                .contains("kamogawa_nhi", "kameda_kenpo", "pension_office", "minamiboso_nhi");
        Set<String> keyIds = new HashSet<>();
        for (Provider provider : all) {
            long id = appendAccess(provider, "chain-" + provider.key());
            await().atMost(Duration.ofSeconds(30)).until(() -> linked(provider, id));
            long seq = count(
                    "SELECT seq FROM " + provider.table("audit_chain_link")
                            + " WHERE audited_table = 'access_log' AND row_id = ?",
                    id);
            // the providers' chainers share the database's chain lock: a checkpoint may have to wait for its turn
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                chains.of(provider.key()).checkpointNow();
                return count("SELECT coalesce(max(seq), 0) FROM " + provider.table("audit_chain_checkpoint")) >= seq;
            });

            Path keys = keysOf(provider);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key.pem"))))
                    .as(provider.key())
                    .isEqualTo("rw-------");
            keyIds.add(AuditKey.idOf(AuditKey.publicKey(keys)));
            Verification verification = verify(provider);
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            assertThat(verification.chain()).isEqualTo("insurer-adapters-" + provider.key());
            assertThat(verification.newestCheckpoint()).as(provider.key()).isNotNull();
        }
        assertThat(keyIds).hasSameSizeAs(all);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_chain_link'"
                        + " AND table_schema NOT IN ('kamogawa_nhi', 'kameda_kenpo', 'pension_office',"
                        + " 'minamiboso_nhi')"))
                .isZero();
    }

    @Test
    void namesTheAlteredRowInItsOwnProvidersChainAndLeavesTheOthersIntact() throws Exception {
        Provider kenpo = providers.find("kameda-kenpo").orElseThrow();
        Provider nhi = providers.find("kamogawa-nhi").orElseThrow();
        long altered = appendAccess(kenpo, "chain-altered");
        long untouched = appendAccess(nhi, "chain-altered");
        await().atMost(Duration.ofSeconds(30)).until(() -> linked(kenpo, altered) && linked(nhi, untouched));

        // the purpose of a look rewritten after the fact, in one provider's log
        behindTheTriggers(kenpo, "UPDATE kameda_kenpo.access_log SET purpose = 'insurance' WHERE id = " + altered);
        try {
            assertThat(verify(kenpo).describe())
                    .startsWith(
                            "insurer-adapters-kameda-kenpo: BROKEN: altered row: access_log row " + altered + " (seq ");
            Verification other = verify(nhi);
            assertThat(other.intact()).as(other.describe()).isTrue();
        } finally {
            behindTheTriggers(kenpo, "UPDATE kameda_kenpo.access_log SET purpose = 'curiosity' WHERE id = " + altered);
        }
        assertThat(verify(kenpo).intact()).isTrue();
    }

    private long appendAccess(Provider provider, String localId) {
        return jdbc.sql("INSERT INTO " + provider.table("access_log") + " (at, local_id, actor, action, purpose)"
                        + " VALUES (now(), ?, 'chain-test', 'READ', 'curiosity') RETURNING id")
                .param(localId)
                .query(Long.class)
                .single();
    }

    private boolean linked(Provider provider, long id) {
        return count(
                        "SELECT count(*) FROM " + provider.table("audit_chain_link")
                                + " WHERE audited_table = 'access_log' AND row_id = ?",
                        id)
                == 1;
    }

    private static Path keysOf(Provider provider) {
        return AuditKey.directoryOf(DATA_DIR, "insurer-adapters-" + provider.key());
    }

    /** As the launcher's verifier reads a provider's chain: in the provider's schema. */
    private Verification verify(Provider provider) throws Exception {
        try (Connection connection =
                DriverManager.getConnection(database.getUrl(), database.getUsername(), database.getPassword())) {
            connection.setSchema(provider.schema());
            return AuditVerifier.inKeyDirectory(AuditChainConfig.chainOf(provider), keysOf(provider))
                    .verify(connection);
        }
    }

    /** As someone with the owner's rights could: the append-only triggers off, the change, the triggers back on. */
    private void behindTheTriggers(Provider provider, String sql) {
        String table = provider.table("access_log");
        jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER; " + sql + "; ALTER TABLE " + table
                        + " ENABLE TRIGGER USER")
                .update();
    }
}
