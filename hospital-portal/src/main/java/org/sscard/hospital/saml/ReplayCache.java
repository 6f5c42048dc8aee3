package org.sscard.hospital.saml;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assertion IDs already consumed (Spring's SP keeps none). Kept in this service's database, so that a restart does
 * not reopen the window and several instances on one database share it: the primary key decides, atomically, who
 * used an ID first. An ID is remembered until its assertion could no longer pass the time checks anyway.
 */
@Component
class ReplayCache {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReplayCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code assertionId} from {@code issuer} is seen; false for a replay. */
    boolean firstUse(String issuer, String assertionId, Instant keepUntil) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM saml_assertion_seen WHERE expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        INSERT INTO saml_assertion_seen (assertion_id, issuer, expires_at) VALUES (:id, :issuer, :until)
                        ON CONFLICT (assertion_id) DO NOTHING""")
                        .param("id", assertionId)
                        .param("issuer", issuer)
                        .param("until", Timestamp.from(keepUntil))
                        .update()
                == 1;
    }
}
