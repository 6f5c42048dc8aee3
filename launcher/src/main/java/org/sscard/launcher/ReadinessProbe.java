package org.sscard.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sscard.common.tls.PlatformTrust;

/** Waits until a service says it can take traffic, so the next one never starts against a half-ready dependency. */
final class ReadinessProbe {

    enum Outcome {
        READY,
        EXITED,
        TIMED_OUT
    }

    private final HttpClient plain =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path caRoot;
    private final Duration timeout;
    private final Duration pollInterval;
    private HttpClient tls;

    ReadinessProbe(Path caRoot, Duration timeout, Duration pollInterval) {
        this.caRoot = caRoot;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    Outcome await(ServiceProcess child, int port) throws InterruptedException {
        // Loopback rather than the service's host name: the child runs here, whatever name the user's browser needs.
        URI readiness = URI.create(
                (child.service().tls() ? "https" : "http") + "://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                return Outcome.EXITED;
            }
            if (isReady(readiness)) {
                return Outcome.READY;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        return child.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
    }

    /**
     * Services with TLS present the platform CA's certificates: trust its root, and only it. Null while the root is
     * not written yet (the card issuer, which serves TLS itself, writes it while it starts).
     */
    private HttpClient clientFor(URI uri) {
        if (!"https".equals(uri.getScheme())) {
            return plain;
        }
        if (tls == null && Files.isRegularFile(caRoot)) {
            tls = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .sslContext(PlatformTrust.sslContext(caRoot))
                    .build();
        }
        return tls;
    }

    /** True for the given URL answering readiness right now. */
    boolean isReady(URI readiness) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readiness)
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        HttpClient client = clientFor(readiness);
        if (client == null) {
            return false;
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
