package org.sscard.common.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void createsOnceThenEveryoneReadsTheSameOwnerOnlySecret() throws Exception {
        String first = new ServiceSecrets(dataDir, "relay").getOrCreate("portal-gateway");
        String second = new ServiceSecrets(dataDir, "relay").getOrCreate("portal-gateway");
        Path file = dataDir.resolve("secrets/relay/portal-gateway.secret");
        assertThat(first).isEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new ServiceSecrets(dataDir, "relay").getOrCreate("card-issuer")).isNotEqualTo(first);
    }

    @Test
    void comparesInConstantTimeAndRejectsMissing() {
        assertThat(ServiceSecrets.matches("abc", "abc")).isTrue();
        assertThat(ServiceSecrets.matches("abc", "abd")).isFalse();
        assertThat(ServiceSecrets.matches("abc", null)).isFalse();
    }
}
