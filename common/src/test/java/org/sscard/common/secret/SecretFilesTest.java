package org.sscard.common.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void makesAnOwnerOnlySecretOnceAndReturnsTheSameOneAfterwards() throws Exception {
        Path file = dataDir.resolve("secrets").resolve("database").resolve("sscard_relay_app.secret");

        String first = SecretFiles.readOrCreate(file);

        assertThat(first).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, URL-safe base64 without padding
        assertThat(SecretFiles.readOrCreate(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file); // no temporary file stays behind
        }
    }

    @Test
    void givesEverySecretItsOwnValue() throws Exception {
        assertThat(SecretFiles.readOrCreate(dataDir.resolve("a.secret")))
                .isNotEqualTo(SecretFiles.readOrCreate(dataDir.resolve("b.secret")));
    }
}
