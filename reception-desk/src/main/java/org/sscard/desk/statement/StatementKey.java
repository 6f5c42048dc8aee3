package org.sscard.desk.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The statements' signing key: an EC P-256 key (ES256), made at first start into
 * {@code <data-dir>/secrets/reception-desk/statement-signing.jwk}, owner-only, and read at every later start, so
 * statements signed yesterday still verify against today's JWKS. Written the way common's SecretFiles writes its
 * secrets (an owner-only temp file, hard-linked into place, so two starts agree on one key); not SecretFiles itself,
 * which makes a random string, not a key.
 */
final class StatementKey {

    static final String FILE = "statement-signing.jwk";

    private StatementKey() {}

    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath()
                .resolve("secrets")
                .resolve("reception-desk")
                .resolve(FILE);
    }

    static ECKey readOrCreate(Path file) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (!Files.exists(directory)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                write(file, generate());
            }
            return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the statement signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the statement signing key " + file + " is not an EC JWK", e);
        }
    }

    private static ECKey generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            // the key ID is the RFC 7638 thumbprint: stable, and the same wherever the public key is copied
            return new ECKey.Builder(key)
                    .keyID(key.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the statement signing key", e);
        }
    }

    private static void write(Path file, ECKey key) throws IOException {
        Path temp = Files.createTempFile(
                file.getParent(),
                FILE,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // made by another start a moment ago: use that one
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
