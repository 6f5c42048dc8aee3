package org.sscard.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;

/** Checks made before anything starts, so a missing build or a busy port fails in a second with a plain reason. */
final class Preflight {

    private Preflight() {}

    static void failUnlessAllJarsExist(LaunchOptions options) {
        List<String> missing = options.services().stream()
                .map(options::jarOf)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Object::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new LaunchException("missing " + String.join(", ", missing)
                    + " - run ./mvnw -DskipTests install first (bin/run does that for you)");
        }
    }

    /** A port answered by someone else (say, a platform already running) would make the readiness probe lie. */
    static void failIfPortTaken(int port, String purpose) {
        try (ServerSocket probeSocket = new ServerSocket()) {
            probeSocket.bind(new InetSocketAddress(port));
        } catch (IOException taken) {
            throw new LaunchException("port " + port + " is already in use; it is needed " + purpose);
        }
    }
}
