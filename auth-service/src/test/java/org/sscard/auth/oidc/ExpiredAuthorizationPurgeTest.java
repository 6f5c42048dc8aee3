package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sscard.auth.support.AuthServiceTest;

class ExpiredAuthorizationPurgeTest extends AuthServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesOnlyAuthorizationsWhoseEveryCodeAndTokenExpiredLongEnoughAgo() {
        Instant now = Instant.now();
        String dead = insert(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
        String codeDeadTokenAlive = insert(now.minus(Duration.ofHours(3)), now.plus(Duration.ofMinutes(4)));
        String justExpired = insert(now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));

        int purged = new ExpiredAuthorizationPurge(jdbc, Clock.systemUTC()).purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(exists(dead)).isFalse();
        assertThat(exists(codeDeadTokenAlive)).isTrue();
        assertThat(exists(justExpired)).as("kept for the margin").isTrue();
    }

    private String insert(Instant codeExpires, Instant tokenExpires) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    authorization_code_value, authorization_code_expires_at, access_token_value,
                    access_token_expires_at)
                VALUES (:id, 'test-portal', 'purge-test', 'authorization_code', :code, :codeExpires, :token,
                    :tokenExpires)
                """)
                .param("id", id)
                .param("code", "code-" + id)
                .param("codeExpires", Timestamp.from(codeExpires))
                .param("token", "token-" + id)
                .param("tokenExpires", Timestamp.from(tokenExpires))
                .update();
        return id;
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
