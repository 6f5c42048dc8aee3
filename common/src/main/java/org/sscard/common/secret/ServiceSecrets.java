package org.sscard.common.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Shared secrets between two services on one machine, generated at first use into the data directory
 * ({@code <data-dir>/secrets/<realm>/<client>.secret}, owner-only) and never committed anywhere. Whichever side
 * starts first creates the file; the other reads it. The auth-service issue replaces these with
 * client-credentials tokens.
 */
public final class ServiceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public ServiceSecrets(Path dataDirectory, String realm) {
        this.directory = dataDirectory.resolve("secrets").resolve(realm);
    }

    public String getOrCreate(String client) {
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
                Path temp = Files.createTempFile(directory, client, ".tmp",
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

    /** Constant-time comparison of a presented secret with the expected one. */
    public static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
