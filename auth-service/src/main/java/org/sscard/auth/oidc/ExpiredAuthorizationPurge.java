package org.sscard.auth.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes authorizations whose every code and token has expired (plus a margin, so that a token is never removed
 * while a resource server could still be shown it): Spring Authorization Server keeps them forever otherwise. The
 * login audit, not this table, is the record of who logged in.
 */
class ExpiredAuthorizationPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizationPurge.class);
    static final Duration MARGIN = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAuthorizationPurge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${sscard.auth.oidc.purge-interval:PT1H}")
    void purgeOnSchedule() {
        int purged = purge();
        if (purged > 0) {
            log.info("purged {} expired authorizations", purged);
        }
    }

    /** Returns how many authorizations were deleted. */
    int purge() {
        Instant before = clock.instant().minus(MARGIN);
        // GREATEST ignores NULLs: an authorization lives as long as the last thing it issued
        return jdbc.sql("""
                DELETE FROM oauth2_authorization
                 WHERE GREATEST(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                                refresh_token_expires_at, user_code_expires_at, device_code_expires_at) < :before
                """).param("before", Timestamp.from(before)).update();
    }
}
