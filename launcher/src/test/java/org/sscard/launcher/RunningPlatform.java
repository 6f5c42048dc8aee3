package org.sscard.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The whole platform with its demo data, started by the real launcher jar on shifted ports and a fresh data
 * directory (as {@code bin/run} does), for tests that use it like a person would. With
 * {@code -Dsscard.it.port-offset=N -Dsscard.it.data-dir=DIR} a platform already running is used instead.
 */
final class RunningPlatform implements AutoCloseable {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path LAUNCHER_JAR = Path.of(System.getProperty("sscard.launcher.jar", "target/launcher.jar"))
            .toAbsolutePath();

    private final Process launcher;
    private final int portOffset;
    private final Path dataDir;

    private RunningPlatform(Process launcher, int portOffset, Path dataDir) {
        this.launcher = launcher;
        this.portOffset = portOffset;
        this.dataDir = dataDir;
    }

    static RunningPlatform start(Path workDir) throws IOException, InterruptedException {
        return start(workDir, Map.of());
    }

    private static RunningPlatform shared;

    /**
     * One platform for every test class that needs nothing special from it (default settings), started at the first
     * ask and stopped when the test JVM ends: each start costs minutes of the suite. Such a class must not close it,
     * and must not assume it is the platform's only user (it makes its own people or uses what it alone changes).
     */
    static synchronized RunningPlatform shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path workDir = Files.createTempDirectory("sscard-shared-platform");
            RunningPlatform platform = start(workDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    platform.close();
                    deleteTree(workDir);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    System.err.println("could not remove " + workDir + ": " + e);
                }
            }));
            shared = platform;
        }
        return shared;
    }

    /**
     * With settings for the services (environment variables the launcher passes on, e.g. a short
     * {@code SSCARD_PORTAL_SESSION_IDLE}); a platform given from outside has its own.
     */
    static RunningPlatform start(Path workDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        String given = System.getProperty("sscard.it.port-offset");
        if (given != null) {
            return new RunningPlatform(
                    null, Integer.parseInt(given), Path.of(System.getProperty("sscard.it.data-dir")));
        }
        int offset = freeOffset();
        Path dataDir = workDir.resolve("data");
        Path output = workDir.resolve("launcher-output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        LAUNCHER_JAR.toString(),
                        "--data-dir=" + dataDir,
                        "--repo-dir=" + REPO_DIR,
                        "--port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("SSCARD_DB_URL");
        builder.environment().put("SSCARD_EMBEDDED_DB_PORT", Integer.toString(15432 + offset));
        builder.environment().putAll(environment);
        Process launcher = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.exists(output) ? Files.readString(output) : "";
            if (printed.contains("sscard platform is ready")) {
                return new RunningPlatform(launcher, offset, dataDir);
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher exited:\n" + printed);
            }
            Thread.sleep(500);
        }
        launcher.destroy();
        throw new IllegalStateException("the platform was not ready in time:\n" + Files.readString(output));
    }

    String portalUrl() {
        return "https://portal.localhost:" + (8080 + portOffset);
    }

    String authUrl() {
        return "https://auth.localhost:" + (8082 + portOffset);
    }

    /** auth-service's card-login connector (client certificates in the TLS handshake). */
    String cardLoginUrl() {
        return "https://auth.localhost:" + (8443 + portOffset);
    }

    String hospitalUrl() {
        return "https://hospital.localhost:" + (8085 + portOffset);
    }

    String deskUrl() {
        return "https://desk.localhost:" + (8087 + portOffset);
    }

    String consoleUrl() {
        return "https://console.localhost:" + (8088 + portOffset);
    }

    int portOffset() {
        return portOffset;
    }

    /**
     * Stops one service of a platform this test started (SIGTERM to the launcher's child running
     * {@code <module>.jar}; the launcher reports it and keeps the rest running). False for a platform given from
     * outside, which is not ours to break.
     */
    boolean stopService(String module) throws Exception {
        if (launcher == null) {
            return false;
        }
        ProcessHandle child = launcher.toHandle()
                .descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(module + ".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no process runs " + module));
        child.destroy();
        child.onExit().get(60, TimeUnit.SECONDS);
        return true;
    }

    Path dataDir() {
        return dataDir;
    }

    Path card(String file) {
        return dataDir.resolve("demo").resolve("cards").resolve(file);
    }

    Path caRoot() {
        return dataDir.resolve("tls").resolve("ca-root.pem");
    }

    @Override
    public void close() throws InterruptedException {
        if (launcher != null) {
            launcher.destroy(); // SIGTERM: the launcher stops every service and the database
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freeOffset() {
        for (int offset = 20500; offset <= 40500; offset += 1000) {
            int base = offset;
            if (IntStream.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8443, 15432)
                    .allMatch(port -> isFree(port + base))) {
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
}
