package org.sscard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sscard.common.secret.SecretFiles;

/**
 * The database passwords of one platform, generated at first use into its data directory
 * ({@code <data-dir>/secrets/database/<role>.secret}, readable by the owner only) and never written anywhere else:
 * not into git, not onto a command line. The superuser's and every service role's.
 */
final class DatabasePasswords {

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
            return SecretFiles.readOrCreate(file);
        } catch (IOException e) {
            throw new LaunchException("cannot read or create the database password " + file + ": " + e.getMessage(), e);
        }
    }
}
