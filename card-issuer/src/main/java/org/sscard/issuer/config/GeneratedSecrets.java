package org.sscard.issuer.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the issuer keeps for itself (the CA key store's passphrase), generated at first use into the data
 * directory ({@code <data-dir>/secrets/<realm>/<name>.secret}, owner-only) and never committed anywhere.
 */
final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    GeneratedSecrets(Path dataDirectory, String realm) {
        this.directory = dataDirectory.resolve("secrets").resolve(realm);
    }

    String getOrCreate(String client) {
        if (!client.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("client names are slugs");
        }
        Path file = directory.resolve(client + ".secret");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                Path temp = Files.createTempFile(
                        directory,
                        client,
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // another service created it first: use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the service secret for " + client, e);
        }
    }
}
