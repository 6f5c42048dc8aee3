package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AuditChainRunnerTest {

    @TempDir
    Path dataDir;

    @Test
    void linksOnItsScheduleAndSignsTheHeadWithTheKeyItMadeInTheDataDirectory() throws Exception {
        AuditDatabase database = AuditDatabase.create();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("sscard.data-dir", dataDir.toString())
                .withProperty("sscard.audit.link-interval", "50ms")
                .withProperty("sscard.audit.checkpoint-interval", "1h");
        AuditChainRunner runner = AuditChainRunner.of(database.runtimeDataSource(), environment, AuditDatabase.CHAIN);
        runner.start();
        try {
            database.insert("clerk", "READ", null);
            database.insert("clerk", "WRITE", "second");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> database.count("SELECT count(*) FROM audit_chain_link") == 2);
            assertThat(runner.checkpointNow().orElseThrow().seq()).isEqualTo(2);
            assertThat(runner.checkpointNow()).as("the head has not moved").isEmpty();
        } finally {
            runner.stop();
        }
        assertThat(runner.isRunning()).isFalse();
        Path keys = AuditKey.directoryOf(dataDir, AuditDatabase.CHAIN.name());
        try (Connection connection = database.asRuntime()) {
            Verification verification =
                    new AuditVerifier(AuditDatabase.CHAIN, AuditKey.publicKey(keys)).verify(connection);
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            assertThat(verification.unsignedLinks()).isZero();
        }
    }

    @Test
    void readsItsIntervalsWithOneSecondAndOneMinuteAsDefaults() {
        AuditChainSettings settings =
                AuditChainSettings.from(new MockEnvironment().withProperty("sscard.data-dir", "/srv/sscard"));

        assertThat(settings.linkInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/sscard"));
    }
}
