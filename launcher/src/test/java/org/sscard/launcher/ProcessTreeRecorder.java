package org.sscard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Remembers every process a launcher started. It polls, because children are started one by one, and a process tree
 * (and a process's arguments) can no longer be read once the launcher has exited.
 */
final class ProcessTreeRecorder {

    private final Set<ProcessHandle> seen = new HashSet<>();
    private final Set<String> jarsSeen = new TreeSet<>();

    void recordUntilExit(Process launcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String[] launcherArguments = launcher.info().arguments().orElse(new String[0]);
        while (launcher.isAlive()) {
            launcher.descendants().forEach(child -> {
                seen.add(child);
                String[] arguments = child.info().arguments().orElse(new String[0]);
                // a child that exited meanwhile may have had its pid reused by an unrelated process (pid_max is
                // small here): only arguments read while the pid is still one of ours count; and a child caught
                // between fork and exec still shows the launcher's own command line: not a service either
                if (launcher.descendants().anyMatch(again -> again.equals(child))
                        && !Arrays.equals(arguments, launcherArguments)) {
                    Arrays.stream(arguments)
                            .filter(argument -> argument.endsWith(".jar"))
                            .forEach(jar ->
                                    jarsSeen.add(Path.of(jar).getFileName().toString()));
                }
            });
            if (System.nanoTime() > deadline) {
                launcher.destroy();
                launcher.waitFor(60, TimeUnit.SECONDS);
                throw new AssertionError("launcher did not finish within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** File names of the jars the recorded processes were started with. */
    Set<String> jarsSeen() {
        return jarsSeen;
    }

    /**
     * PostgreSQL's postmaster is re-parented to init once pg_ctl has started it; after it exits it stays a zombie
     * until init reaps it, which may take a moment. A zombie holds no port and no file, so it does not count.
     */
    List<ProcessHandle> stillRunningAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> running =
                seen.stream().filter(ProcessTreeRecorder::isRunning).toList();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            running = seen.stream().filter(ProcessTreeRecorder::isRunning).toList();
        }
        return running;
    }

    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return process.isAlive();
        }
    }
}
