package org.sscard.issuer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void createsOnceThenEveryoneReadsTheSameOwnerOnlySecret() throws Exception {
        String first = new GeneratedSecrets(dataDir, "relay").getOrCreate("portal-gateway");
        String second = new GeneratedSecrets(dataDir, "relay").getOrCreate("portal-gateway");
        Path file = dataDir.resolve("secrets/relay/portal-gateway.secret");
        assertThat(first).isEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new GeneratedSecrets(dataDir, "relay").getOrCreate("card-issuer"))
                .isNotEqualTo(first);
    }
}
