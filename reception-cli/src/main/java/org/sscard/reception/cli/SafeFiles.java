package org.sscard.reception.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes what the program saves (a statement, the desk's published keys): owner-only (0600), complete or not at
 * all (written to a temporary file beside the target first), and never over an existing file. The last step is a
 * hard link, which the file system refuses atomically when the name exists; a rename would silently replace it.
 */
final class SafeFiles {

    private SafeFiles() {}

    /** Fails early, before anything is asked of the platform, when the target exists already. */
    static void requireAbsent(Path target) {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("refusing to overwrite " + target + " (it exists)");
        }
    }

    static void write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(
                    absolute.getParent(),
                    "." + absolute.getFileName(),
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, content);
            Files.createLink(absolute, temp);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(ExitCodes.ERROR, "refusing to overwrite " + target + " (it exists)");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ERROR, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden temp file beside the target; its content is what the target holds
                }
            }
        }
    }
}
