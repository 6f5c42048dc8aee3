package org.sscard.common.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets a platform generates for itself at first use (database passwords, the CA key store's passphrase), one per
 * file in a data directory, readable by the owner only, never in git and never on a command line. Two processes
 * starting at once agree on one secret: the file appears whole, by a hard link, or not at all.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /**
     * The secret in {@code file}, made first (32 random bytes, URL-safe base64) when there is none; a new parent
     * folder is made owner-only.
     */
    public static String readOrCreate(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.exists(directory)) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path temp = Files.createTempFile(
                    directory,
                    file.getFileName().toString(),
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // made by another process a moment ago: use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
