package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the program saves: owner-only, whole, never over an existing file, no temporary file left behind. */
class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFileForItsOwnerOnly() throws Exception {
        Path file = dir.resolve("statement.jws");

        SafeFiles.write(file, "eyJ...".getBytes());

        assertThat(Files.readString(file)).isEqualTo("eyJ...");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void refusesToOverwriteAnExistingFileAndLeavesItAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("statement.jws"), "yesterday");

        assertThatThrownBy(() -> SafeFiles.write(file, "today".getBytes()))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("refusing to overwrite");
        assertThatThrownBy(() -> SafeFiles.requireAbsent(file))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.readString(file)).isEqualTo("yesterday");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void refusesToWriteThroughASymbolicLink() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.jws"), target);

        assertThatThrownBy(() -> SafeFiles.write(link, "x".getBytes())).isInstanceOf(CliFailure.class);
        assertThatThrownBy(() -> SafeFiles.requireAbsent(link)).isInstanceOf(UsageException.class);
        assertThat(Files.readString(target)).isEqualTo("kept");
    }

    private Stream<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList().stream();
        }
    }
}
