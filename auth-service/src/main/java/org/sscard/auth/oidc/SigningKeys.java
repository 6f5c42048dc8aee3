package org.sscard.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The token signing keys (RSA 2048, RS256), newest first: the newest signs (its key ID goes into every token's
 * header), and the one before it stays published in the JWKS, so tokens signed before a rotation keep verifying
 * until they expire (minutes; a rotation period is weeks). Kept in the data directory (owner-only, never in git),
 * or, for tests, in memory. {@link #rotateIfDue()} runs daily and at start.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    private final Path file;
    private final Duration rotateAfter;
    private final Clock clock;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>();

    private SigningKeys(Path file, Duration rotateAfter, Clock clock, JWKSet initial) {
        this.file = file;
        this.rotateAfter = rotateAfter;
        this.clock = clock;
        this.keys.set(initial);
    }

    /** {@code file} null: in memory. */
    static SigningKeys open(Path file, Duration rotateAfter, Clock clock) {
        JWKSet initial = file != null && Files.exists(file) ? read(file) : new JWKSet(generate(clock.instant()));
        SigningKeys keys = new SigningKeys(file, rotateAfter, clock, initial);
        keys.write(initial);
        keys.rotateIfDue();
        return keys;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys.get());
    }

    /** The key ID of the signing key: every token names it, so verifiers pick it out of the published set. */
    String currentKeyId() {
        return keys.get().getKeys().get(0).getKeyID();
    }

    /** A new signing key once the current one is older than the rotation period; keeps one previous key. */
    synchronized boolean rotateIfDue() {
        JWK current = keys.get().getKeys().get(0);
        Instant now = clock.instant();
        Date issued = current.getIssueTime();
        if (issued != null && issued.toInstant().plus(rotateAfter).isAfter(now)) {
            return false;
        }
        JWKSet rotated = new JWKSet(List.of(generate(now), current));
        write(rotated);
        keys.set(rotated);
        return true;
    }

    private void write(JWKSet set) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(
                    file.getParent(),
                    "signing-keys",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, set.toString(false), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OIDC signing keys " + file, e);
        }
    }

    /** A key set, or the single key a first version of this file held. */
    private static JWKSet read(Path file) {
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            return json.contains("\"keys\"") ? JWKSet.parse(json) : new JWKSet(RSAKey.parse(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OIDC signing keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the OIDC signing keys " + file + " are not a JWK set", e);
        }
    }

    private static RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an OIDC signing key", e);
        }
    }
}
