package org.sscard.launcher;

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
 * The database passwords of one platform, generated at first use into its data directory
 * ({@code <data-dir>/secrets/database/<role>.secret}, readable by the owner only) and never written anywhere else:
 * not into git, not onto a command line. The superuser's and every service role's.
 */
final class DatabasePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    DatabasePasswords(Path dataDirectory) {
        this.directory = dataDirectory.resolve("secrets").resolve("database");
    }

    Path fileOf(String role) {
        if (!role.matches("[a-z][a-z0-9_]{1,62}")) {
            throw new IllegalArgumentException("role names are lower-case identifiers: " + role);
        }
        return directory.resolve(role + ".secret");
    }

    boolean exists(String role) {
        return Files.isRegularFile(fileOf(role));
    }

    /** The role's password: the one generated before, or a new one (32 random bytes, URL-safe base64). */
    String of(String role) {
        Path file = fileOf(role);
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                Path temp = Files.createTempFile(
                        directory,
                        role,
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, password, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // made by someone else a moment ago: use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new LaunchException("cannot read or create the database password " + file + ": " + e.getMessage(), e);
        }
    }
}
