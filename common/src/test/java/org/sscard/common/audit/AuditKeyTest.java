package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void makesAnOwnerOnlyP256KeyAtFirstUseUnderAuditAndKeepsIt() throws Exception {
        Path directory = AuditKey.directoryOf(dataDir, "relay-db-service");

        AuditKey first = AuditKey.loadOrCreate(directory);
        AuditKey again = AuditKey.loadOrCreate(directory);

        assertThat(directory).isEqualTo(dataDir.resolve("audit").resolve("relay-db-service"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(directory.resolve(AuditKey.PRIVATE_FILE))))
                .isEqualTo("rw-------");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(AuditKey.publicKey(directory).getAlgorithm()).isEqualTo("EC");
        assertThat(AuditKey.idOf(AuditKey.publicKey(directory))).isEqualTo(first.id());
        assertThat(Files.readString(directory.resolve(AuditKey.PUBLIC_FILE))).doesNotContain("PRIVATE");
        try (var listed = Files.list(directory)) {
            assertThat(listed.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(AuditKey.PRIVATE_FILE, AuditKey.PUBLIC_FILE);
        }
    }

    @Test
    void signsWhatOnlyItsPublicKeyVerifies() throws Exception {
        AuditKey key = AuditKey.loadOrCreate(dataDir.resolve("one"));
        AuditKey other = AuditKey.loadOrCreate(dataDir.resolve("other"));
        byte[] payload = "head".getBytes(StandardCharsets.UTF_8);

        byte[] signature = key.sign(payload);

        assertThat(AuditKey.verifies(AuditKey.publicKey(dataDir.resolve("one")), payload, signature))
                .isTrue();
        assertThat(AuditKey.verifies(AuditKey.publicKey(dataDir.resolve("other")), payload, signature))
                .isFalse();
        assertThat(AuditKey.verifies(
                        AuditKey.publicKey(dataDir.resolve("one")),
                        "head2".getBytes(StandardCharsets.UTF_8),
                        signature))
                .isFalse();
        assertThat(other.id()).isNotEqualTo(key.id());
    }
}
