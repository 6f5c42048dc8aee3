package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each service on a host name of its own, and the hosts file that lets the JVMs resolve the *.localhost ones. */
class HostNamesTest {

    @TempDir
    Path dataDir;

    private LaunchOptions options(Map<String, String> env) {
        return LaunchOptions.parse(new String[] {"--data-dir=" + dataDir}, env);
    }

    @Test
    void givesEveryServiceItsOwnLocalhostNameByDefault() {
        LaunchOptions options = options(Map.of());
        assertThat(options.baseUrl(ServiceSpec.PORTAL_GATEWAY)).isEqualTo("https://portal.localhost:8080");
        assertThat(options.baseUrl(ServiceSpec.AUTH)).isEqualTo("https://auth.localhost:8082");
        assertThat(options.baseUrl(ServiceSpec.RELAY)).isEqualTo("https://relay.localhost:8081");
        assertThat(options.baseUrl(ServiceSpec.CARD_ISSUER)).isEqualTo("https://issuer.localhost:8086");
        assertThat(options.caPublicationUrl()).isEqualTo("http://issuer.localhost:8083");
        assertThat(options.baseUrl(ServiceSpec.INSURER_ADAPTERS)).isEqualTo("https://insurers.localhost:8084");
        assertThat(options.baseUrl(ServiceSpec.HOSPITAL_PORTAL)).isEqualTo("https://hospital.localhost:8085");
        assertThat(options.baseUrl(ServiceSpec.RECEPTION_DESK)).isEqualTo("https://desk.localhost:8087");
        assertThat(options.hosts().values()).doesNotHaveDuplicates();
        assertThat(options.hostsFile()).isEqualTo(dataDir.resolve("hosts"));
    }

    @Test
    void takesADomainOrOneHostPerServiceAndNeedsNoHostsFileForRealNames() {
        LaunchOptions options =
                options(Map.of("SSCARD_DOMAIN", "sscard.example.jp", "SSCARD_HOSPITAL_HOST", "patients.example.jp"));
        assertThat(options.baseUrl(ServiceSpec.PORTAL_GATEWAY)).isEqualTo("https://portal.sscard.example.jp:8080");
        assertThat(options.hostOf(ServiceSpec.HOSPITAL_PORTAL)).isEqualTo("patients.example.jp");
        assertThat(options.hostOf(ServiceSpec.RECEPTION_DESK)).isEqualTo("desk.sscard.example.jp");
        assertThat(options.hostsFile()).isNull();
    }

    @Test
    void writesEveryNameAndLocalhostToLoopback() throws Exception {
        LaunchOptions options = options(Map.of());
        HostsFile.write(options.hostsFile(), options.hosts().values());
        String first = Files.readAllLines(options.hostsFile()).stream()
                .filter(line -> !line.startsWith("#"))
                .findFirst()
                .orElseThrow();
        assertThat(first.split(" "))
                .startsWith("127.0.0.1", "localhost")
                .contains(options.hosts().values().toArray(String[]::new));
    }
}
