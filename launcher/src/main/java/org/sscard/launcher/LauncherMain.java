package org.sscard.launcher;

import java.util.Arrays;
import java.util.List;

/**
 * One command runs the whole platform: {@code java -jar launcher/target/launcher.jar} (or {@code bin/run}). A plain
 * main on purpose: a Spring context would only slow down a program whose job is to start other programs.
 */
public final class LauncherMain {

    /** Exit code for wrong usage, distinct from a failed start (1). */
    private static final int USAGE_ERROR = 2;

    private LauncherMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("[sscard] " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        System.exit(run(options));
    }

    /** Returns the process exit code; in normal (non-check) mode returns only when the JVM is being shut down. */
    static int run(LaunchOptions options) throws InterruptedException {
        if (options.hostsFile() != null) {
            // before this JVM's first name look-up (its readiness and token checks call the services by name)
            HostsFile.install(options.hostsFile(), options.hosts().values());
        } else {
            HostsFile.removeStale(options.dataDir());
        }
        Platform platform = new Platform(options);
        // Ctrl-C and SIGTERM both end up here; children must not outlive the launcher.
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "sscard-stop"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            if (platform.isStopping()) {
                return 130; // interrupted by Ctrl-C/SIGTERM while starting: the hook reports "stopped"
            }
            System.err.println("[sscard] start failed: " + e.getMessage());
            platform.stop();
            return 1;
        }
        ReadyTable.print(System.out, options, platform.database());
        if (options.checkOnly()) {
            ServiceTokenCheck tokens = new ServiceTokenCheck(options);
            if (tokens.applies()) {
                try {
                    tokens.run();
                    System.out.println("[sscard] check passed: services accept each other's tokens");
                } catch (LaunchException e) {
                    System.err.println("[sscard] check failed: " + e.getMessage());
                    platform.stop();
                    return 1;
                }
            }
            HospitalMetadataCheck hospital = new HospitalMetadataCheck(options);
            if (hospital.applies()) {
                try {
                    hospital.run();
                    System.out.println("[sscard] check passed: the hospital's SP metadata is registered at the relay");
                } catch (LaunchException e) {
                    System.err.println("[sscard] check failed: " + e.getMessage());
                    platform.stop();
                    return 1;
                }
            }
            System.out.println(
                    "[sscard] check passed: all " + options.services().size() + " services ready");
            platform.stop();
            return 0;
        }
        DemoCardsNotice.print(System.out, options);
        System.out.println("Press Ctrl-C to stop.");
        platform.reportUnexpectedExits();
        Thread.currentThread().join(); // until the shutdown hook has stopped everything and the JVM halts
        return 0;
    }
}
