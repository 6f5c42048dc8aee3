package org.sscard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real relay-db-service, started once per test JVM from its built jar as a child process on a free port, with
 * its own database on {@link TestPostgres}. Services that depend on the relay test against it instead of a stub.
 * Their stand-in providers listen on plain HTTP on 127.0.0.1, so this relay accepts {@code http://127.0.0.1} provider
 * URLs besides https ones (never a plain-HTTP host name; the relay's own tests keep the https-only default).
 */
public final class RelayProcess {

    private static RelayProcess instance;

    private final String baseUrl;
    private final Path dataDir;

    private RelayProcess(String baseUrl, Path dataDir) {
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    public static synchronized RelayProcess get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The data directory shared with the relay (and with the services tested against it). */
    public Path dataDir() {
        return dataDir;
    }

    /** {@code Authorization} header value for a service client: the relay trusts {@link TestTokenIssuer}. */
    public String authorization(String client) {
        return "Bearer " + TestTokenIssuer.get().mint(client, "relay-db-service");
    }

    private static RelayProcess start() {
        Path jar = findJar();
        try {
            Path dataDir = Files.createTempDirectory("sscard-relay-process");
            int port = freePort();
            String database = TestPostgres.createDatabase("relay_process");
            Path log = dataDir.resolve("relay.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            javaExecutable(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toString(),
                            // the tests' stand-in providers and SPs listen on plain HTTP on 127.0.0.1
                            "--sscard.relay.provider-urls.allow-plain-http-on-loopback=true"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment()
                    .putAll(Map.of(
                            "SSCARD_PORT",
                            Integer.toString(port),
                            "SSCARD_DATA_DIR",
                            dataDir.toString(),
                            "SSCARD_LOG_FORMAT",
                            "",
                            "SPRING_DATASOURCE_URL",
                            database,
                            "SPRING_DATASOURCE_USERNAME",
                            "postgres",
                            "SPRING_DATASOURCE_PASSWORD",
                            "",
                            "SPRING_PROFILES_ACTIVE",
                            "demo",
                            "SSCARD_AUTH_URL",
                            TestTokenIssuer.get().issuer()));
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            String baseUrl = "http://localhost:" + port;
            awaitReady(process, baseUrl, log);
            return new RelayProcess(baseUrl, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the relay", e);
        }
    }

    private static void awaitReady(Process process, String baseUrl, Path log) throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the relay exited during start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        process.destroy();
        throw new IllegalStateException("the relay did not become ready in time:\n" + Files.readString(log));
    }

    private static Path findJar() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path jar = d.resolve("relay-db-service/target/relay-db-service.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("relay-db-service/target/relay-db-service.jar not found above " + dir
                + ": build it first (./mvnw -pl relay-db-service -am -DskipTests package)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
