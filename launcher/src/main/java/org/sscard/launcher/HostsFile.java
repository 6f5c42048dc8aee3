package org.sscard.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The services' {@code *.localhost} names for the JVMs. Browsers and curl resolve every {@code *.localhost} name to
 * loopback themselves (RFC 6761), but a system resolver need not (this project's CI machines do not), so the
 * launcher writes a hosts file ({@code <data-dir>/hosts}) and gives it to every JVM it starts, itself included, as
 * {@code -Djdk.net.hosts.file}. The JDK then resolves names from that file only, so it also lists {@code localhost}
 * and this machine's own name. Not used when a service has a real host name: DNS answers for a deployment.
 */
final class HostsFile {

    static final String PROPERTY = "jdk.net.hosts.file";

    private HostsFile() {}

    /** True when every name is a loopback name this file can answer for. */
    static boolean covers(Collection<String> hosts) {
        return hosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).allMatch(HostsFile::isLoopbackName);
    }

    static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    /**
     * Writes the file and points this JVM at it. Called before this JVM's first name look-up: the JDK reads the
     * property once, when it sets up its resolver, and the file at every look-up.
     */
    static void install(Path file, Collection<String> hosts) {
        write(file, hosts);
        System.setProperty(PROPERTY, file.toString());
    }

    static void write(Path file, Collection<String> hosts) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.addAll(hosts);
        StringBuilder text = new StringBuilder(
                "# written by the sscard launcher at every start: the platform's host names for its JVMs" + " (-D"
                        + PROPERTY + ")\n");
        text.append("127.0.0.1 ").append(String.join(" ", names)).append('\n');
        String own = ownName();
        if (own != null && !names.contains(own)) {
            // the JDK asks for it (InetAddress.getLocalHost), and this file is its only resolver
            text.append("127.0.0.1 ").append(own).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Real host names now: a file of an earlier run would make the CLIs ignore DNS. */
    static void removeStale(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve("hosts"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dataDir.resolve("hosts"), e);
        }
    }

    /** The machine's name, read without a name look-up (which would fix this JVM's resolver too early). */
    private static String ownName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            String name = Files.exists(kernel) ? Files.readString(kernel).strip() : System.getenv("HOSTNAME");
            return name == null || name.isBlank() || !name.matches("[A-Za-z0-9.-]+") ? null : name;
        } catch (IOException e) {
            return null;
        }
    }
}
