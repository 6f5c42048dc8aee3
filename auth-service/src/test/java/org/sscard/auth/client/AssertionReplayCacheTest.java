package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.testsupport.MovableClock;

/**
 * The client assertions' jti store: a replay is refused by a new store on the same database (a restart, another
 * instance), the store never refuses a new assertion for want of room, and expired entries are purged.
 */
class AssertionReplayCacheTest extends AuthServiceTest {

    @Autowired
    JdbcClient jdbc;

    private final MovableClock clock = new MovableClock(Instant.now());

    @Test
    void refusesAReplayAfterARestartOnTheSameDatabase() {
        String jti = UUID.randomUUID().toString();
        Instant expires = clock.instant().plusSeconds(60);
        assertThat(new AssertionReplayCache(jdbc, clock).firstUse("restart-client", jti, expires))
                .isTrue();

        AssertionReplayCache afterRestart = new AssertionReplayCache(jdbc, clock);
        assertThat(afterRestart.firstUse("restart-client", jti, expires)).isFalse();
        // the same jti of another client is another assertion
        assertThat(afterRestart.firstUse("other-client", jti, expires)).isTrue();
    }

    @Test
    void acceptsANewAssertionHoweverManyAreRememberedInTheDatabase() {
        Instant expires = clock.instant().plusSeconds(60);
        jdbc.sql("""
                        INSERT INTO client_assertion_jti (client_id, jti, expires_at)
                        SELECT 'busy-client', 'jti-' || n, :expires FROM generate_series(1, 150000) AS n""").param("expires", Timestamp.from(expires)).update();

        AssertionReplayCache store = new AssertionReplayCache(jdbc, clock);
        assertThat(store.firstUse("busy-client", UUID.randomUUID().toString(), expires))
                .isTrue();
        assertThat(store.firstUse("busy-client", "jti-150000", expires)).isFalse();
    }

    @Test
    void acceptsANewAssertionHoweverManyAreRememberedInMemory() {
        AssertionReplayCache store = new AssertionReplayCache(clock);
        Instant expires = clock.instant().plusSeconds(60);
        for (int i = 0; i < 120_000; i++) {
            store.firstUse("busy-client", "jti-" + i, expires);
        }
        assertThat(store.firstUse("busy-client", UUID.randomUUID().toString(), expires))
                .as("a store full of unexpired entries still accepts a new jti")
                .isTrue();
        assertThat(store.firstUse("busy-client", "jti-7", expires)).isFalse();
    }

    @Test
    void purgesExpiredEntriesAsItIsUsed() {
        AssertionReplayCache store = new AssertionReplayCache(jdbc, clock);
        for (int i = 0; i < 10; i++) {
            store.firstUse("purge-client", "old-" + i, clock.instant().plusSeconds(60));
        }
        clock.advance(Duration.ofSeconds(60)
                .plus(AssertionReplayCache.KEEP_AFTER_EXPIRY)
                .plusSeconds(1));
        store.firstUse("purge-client", "new", clock.instant().plusSeconds(60));

        assertThat(jdbc.sql("SELECT jti FROM client_assertion_jti WHERE client_id = 'purge-client'")
                        .query(String.class)
                        .list())
                .containsExactly("new");
    }

    @Test
    void refusesAJtiLongerThanTheStoreKeeps() {
        AssertionReplayCache store = new AssertionReplayCache(jdbc, clock);
        assertThat(store.firstUse(
                        "long-client", "x".repeat(201), clock.instant().plusSeconds(60)))
                .isFalse();
    }
}
