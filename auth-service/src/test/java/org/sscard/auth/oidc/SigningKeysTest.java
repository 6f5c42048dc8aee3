package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.sscard.testsupport.MovableClock;

/** Keys rotate without downtime: a token signed before a rotation still verifies against the published set. */
class SigningKeysTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void aTokenSignedBeforeARotationVerifiesAgainstThePublishedKeysAfterIt() throws Exception {
        SigningKeys keys = SigningKeys.open(dir.resolve("keys.json"), Duration.ofDays(30), clock);
        String before = token(keys);
        String firstKey = keys.currentKeyId();

        clock.advance(Duration.ofDays(31));
        assertThat(keys.rotateIfDue()).isTrue();
        String after = token(keys);

        assertThat(keys.currentKeyId()).isNotEqualTo(firstKey);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(keys.currentKeyId());
        JWKSet published =
                new JWKSet(keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null)).toPublicJWKSet();
        assertThat(verifies(before, published)).as("old token, published keys").isTrue();
        assertThat(verifies(after, published)).as("new token, published keys").isTrue();
        assertThat(published.toString()).doesNotContain("\"d\"");
    }

    @Test
    void keepsOnlyOnePreviousKeyAndRotatesOnlyWhenDue() {
        SigningKeys keys = SigningKeys.open(dir.resolve("keys.json"), Duration.ofDays(30), clock);
        clock.advance(Duration.ofDays(10));
        assertThat(keys.rotateIfDue()).isFalse();
        String first = keys.currentKeyId();
        clock.advance(Duration.ofDays(30));
        keys.rotateIfDue();
        clock.advance(Duration.ofDays(31));
        keys.rotateIfDue();
        List<JWK> all = keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        assertThat(all).hasSize(2).extracting(JWK::getKeyID).doesNotContain(first);
    }

    @Test
    void keepsTheKeysOwnerOnlyAndReadsThemBackAfterARestart() throws Exception {
        Path file = dir.resolve("keys.json");
        SigningKeys keys = SigningKeys.open(file, Duration.ofDays(30), clock);
        String signed = token(keys);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        SigningKeys restarted = SigningKeys.open(file, Duration.ofDays(30), clock);
        assertThat(restarted.currentKeyId()).isEqualTo(keys.currentKeyId());
        assertThat(verifies(
                        signed,
                        new JWKSet(restarted.get(new JWKSelector(new JWKMatcher.Builder().build()), null))
                                .toPublicJWKSet()))
                .isTrue();
    }

    private String token(SigningKeys keys) {
        Supplier<String> kid = keys::currentKeyId;
        return new LocalServiceTokens(new NimbusJwtEncoder(keys), kid, "https://auth.test", clock)
                .accessToken("relay-db-service-" + clock.instant());
    }

    private static boolean verifies(String token, JWKSet published) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key.toRSAKey()));
    }
}
