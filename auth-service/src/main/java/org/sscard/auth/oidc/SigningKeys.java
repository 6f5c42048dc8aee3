package org.sscard.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The token signing key (RSA 2048, RS256): generated at first start into the data directory, owner-only and never
 * in git, and read from there afterwards; or, for tests, a new one in memory.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static JWKSource<SecurityContext> source(OidcProperties.SigningKeyStore store, Path file) {
        RSAKey key = store == OidcProperties.SigningKeyStore.MEMORY ? generate() : loadOrCreate(file);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, generate().toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // another instance wrote it first: use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the OIDC signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the OIDC signing key " + file + " is not an RSA JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the OIDC signing key", e);
        }
    }
}
