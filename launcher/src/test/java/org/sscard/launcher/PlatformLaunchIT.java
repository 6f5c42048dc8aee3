package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real launcher jar with {@code --check} against the real service jars, on shifted ports and a fresh data
 * directory, so it neither clashes with a platform already running on 8080-8085 nor depends on leftover data.
 */
class PlatformLaunchIT {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path LAUNCHER_JAR = Path.of(System.getProperty("sscard.launcher.jar", "target/launcher.jar"))
            .toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void startsAllServicesThenLeavesNothingBehind() throws Exception {
        int portOffset = findFreePortOffset();
        int databasePort = 15432 + portOffset;
        Path output = dataDir.resolve("launcher-output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        javaExecutable(),
                        "-jar",
                        LAUNCHER_JAR.toString(),
                        "--check",
                        "--data-dir=" + dataDir.resolve("data"),
                        "--repo-dir=" + REPO_DIR,
                        "--port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.remove("SSCARD_DB_URL"); // always the embedded database: hermetic, and it is what a fresh clone uses
        env.put("SSCARD_EMBEDDED_DB_PORT", Integer.toString(databasePort));

        ProcessTreeRecorder tree = new ProcessTreeRecorder();
        Process launcher = builder.start();
        tree.recordUntilExit(launcher, Duration.ofMinutes(15));
        String printed = Files.readString(output);

        assertThat(launcher.exitValue())
                .as("launcher exit code; it printed:%n%s", printed)
                .isZero();
        for (ServiceSpec service : ServiceSpec.START_ORDER) {
            assertThat(printed)
                    .containsPattern(service.module() + " +ready after")
                    .contains((service.tls() ? "https" : "http") + "://" + service.hostLabel() + ".localhost:"
                            + (service.defaultPort() + portOffset));
        }
        assertThat(printed)
                .contains("check passed: services accept each other's tokens")
                .contains("check passed: the hospital's SP metadata is registered at the relay")
                .contains("check passed: all " + ServiceSpec.START_ORDER.size() + " services ready")
                .contains("[sscard] stopped");
        assertThat(tree.jarsSeen())
                .as("service JVMs seen while running")
                .containsExactlyInAnyOrderElementsOf(ServiceSpec.START_ORDER.stream()
                        .map(service -> service.module() + ".jar")
                        .toList());
        assertThat(tree.stillRunningAfter(Duration.ofSeconds(10)))
                .as("processes left after the launcher exited")
                .isEmpty();
        assertThat(platformPorts(portOffset).filter(port -> !isFree(port)).toList())
                .as("ports still taken")
                .isEmpty();
        assertThat(dataDir.resolve("data/postgres/postmaster.pid"))
                .as("PostgreSQL stopped")
                .doesNotExist();
    }

    /**
     * The service ports (8080-8087), the card login and the embedded database's port, shifted by {@code offset}.
     */
    private static Stream<Integer> platformPorts(int offset) {
        return Stream.concat(IntStream.rangeClosed(8080, 8087).boxed(), Stream.of(8443, 15432))
                .map(port -> port + offset);
    }

    /** An offset whose ports are all free right now, so a platform running on the default ports does not matter. */
    private static int findFreePortOffset() {
        for (int offset = 20000; offset <= 40000; offset += 1000) {
            List<Integer> ports = platformPorts(offset).toList();
            if (ports.stream().allMatch(PlatformLaunchIT::isFree)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
