package org.sscard.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sscard.common.tls.PlatformTrust;

/**
 * The database and the services, started in order and stopped in reverse. Start and stop may race (Ctrl-C during
 * start-up), so everything started is registered under the lock and stopped at once if a stop has already begun.
 */
final class Platform {

    static final long STOP_GRACE_SECONDS = 20;
    private static final int FAILURE_LOG_LINES = 40;

    private final LaunchOptions options;
    private final ReadinessProbe probe;
    private final List<ServiceProcess> started = new ArrayList<>();
    private PlatformDatabase database;
    private volatile boolean stopping;

    Platform(LaunchOptions options) {
        this.options = options;
        this.probe = new ReadinessProbe(
                PlatformTrust.caRoot(options.dataDir()), options.readyTimeout(), options.pollInterval());
    }

    void start() throws InterruptedException {
        Preflight.failUnlessAllJarsExist(options);
        adopt(openDatabase());
        database.prepareDatabases(options.services().stream()
                .map(ServiceSpec::database)
                .filter(Objects::nonNull)
                .toList());
        for (ServiceSpec service : options.services()) {
            startAndAwait(service);
        }
    }

    private void startAndAwait(ServiceSpec service) throws InterruptedException {
        int port = options.portOf(service);
        Preflight.failIfPortTaken(
                port, "for " + service.module() + " (is the platform already running? try --port-offset)");
        if (service == ServiceSpec.AUTH) {
            Preflight.failIfPortTaken(options.cardLoginPort(), "for the card login (try --port-offset)");
        }
        if (service == ServiceSpec.CARD_ISSUER) {
            Preflight.failIfPortTaken(
                    options.caPublicationPort(), "for the CA's certificates, CRLs and OCSP (try --port-offset)");
        }
        System.out.printf("[sscard] starting %-17s on port %d ...%n", service.module(), port);
        long startedAt = System.nanoTime();
        ServiceProcess child = ServiceProcess.start(service, options, database);
        adopt(child);
        ReadinessProbe.Outcome outcome = probe.await(child, port);
        if (outcome != ReadinessProbe.Outcome.READY) {
            throw failureOf(child, outcome);
        }
        System.out.printf(
                "[sscard] %-17s ready after %.1f s%n", service.module(), (System.nanoTime() - startedAt) / 1e9);
    }

    private LaunchException failureOf(ServiceProcess child, ReadinessProbe.Outcome outcome) {
        String what = outcome == ReadinessProbe.Outcome.EXITED
                ? "exited with code " + child.exitValue() + " before it was ready"
                : "was not ready within " + options.readyTimeout().toSeconds() + " s";
        if (!stopping) {
            System.err.println("[sscard] " + child.service().module() + " " + what + "; last " + FAILURE_LOG_LINES
                    + " lines of " + child.logFile() + ":");
            LogTail.lastLines(child.logFile(), FAILURE_LOG_LINES).forEach(line -> System.err.println("    " + line));
        }
        return new LaunchException(child.service().module() + " " + what + " (log: " + child.logFile() + ")");
    }

    private PlatformDatabase openDatabase() {
        LaunchOptions.DatabaseSettings settings = options.database();
        if (settings.external()) {
            return new ExternalDatabase(
                    settings.externalUrl(),
                    settings.user(),
                    settings.password(),
                    new DatabasePasswords(options.dataDir()));
        }
        Preflight.failIfPortTaken(settings.embeddedPort(), "for the embedded PostgreSQL (set SSCARD_EMBEDDED_DB_PORT)");
        System.out.println("[sscard] starting the embedded PostgreSQL on port " + settings.embeddedPort() + " ...");
        return EmbeddedDatabase.start(
                options.dataDir().resolve("postgres"),
                settings.embeddedPort(),
                options.dataDir().resolve("logs").resolve("postgres.log"),
                new DatabasePasswords(options.dataDir()));
    }

    private synchronized void adopt(ServiceProcess child) {
        started.add(child);
        if (stopping) {
            child.stop(STOP_GRACE_SECONDS);
            throw new LaunchException("stopped during start-up");
        }
    }

    private synchronized void adopt(PlatformDatabase openedDatabase) {
        database = openedDatabase;
        if (stopping) {
            openedDatabase.close();
            throw new LaunchException("stopped during start-up");
        }
    }

    /** Services that die after start-up are reported, not restarted: the log says why, a restart would hide it. */
    void reportUnexpectedExits() {
        for (ServiceProcess child : startedSnapshot()) {
            // Checked a moment later: on Ctrl-C the terminal signals the children too, and they may exit before the
            // shutdown hook has marked the platform as stopping.
            child.handle()
                    .onExit()
                    .thenRunAsync(
                            () -> {
                                if (!stopping) {
                                    System.err.println(
                                            "[sscard] " + child.service().module() + " has stopped unexpectedly; see "
                                                    + child.logFile());
                                }
                            },
                            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        }
    }

    synchronized List<ServiceProcess> startedSnapshot() {
        return List.copyOf(started);
    }

    synchronized PlatformDatabase database() {
        return database;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Idempotent: called by the shutdown hook and by the main thread, whichever comes first. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            ServiceProcess child = started.get(i);
            if (child.isAlive()) {
                System.out.println("[sscard] stopping " + child.service().module());
            }
            child.stop(STOP_GRACE_SECONDS);
        }
        if (database != null) {
            database.close();
        }
        System.out.println("[sscard] stopped");
    }
}
