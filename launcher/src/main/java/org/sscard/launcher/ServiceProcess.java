package org.sscard.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sscard.common.tls.PlatformTrust;

/** A service running as a JVM of its own, so that one crashing or leaking does not take the others down. */
final class ServiceProcess {

    private final ServiceSpec service;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(ServiceSpec service, LaunchOptions options, PlatformDatabase database) {
        Path jar = options.jarOf(service);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException("missing " + jar + " - run ./mvnw -DskipTests install first (bin/run does)");
        }
        Path logFile = options.logFile(service);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(options.childJvmOptions());
        Path trustStore = options.dataDir().resolve("tls").resolve(PlatformTrust.TRUST_STORE);
        if (Files.exists(trustStore)) {
            // calls between services trust the platform CA's root, which the card issuer wrote at first start
            command.add("-Djavax.net.ssl.trustStore=" + trustStore);
            command.add("-Djavax.net.ssl.trustStoreType=PKCS12");
            command.add("-Djavax.net.ssl.trustStorePassword=" + PlatformTrust.TRUST_STORE_PASSWORD);
        }
        if (options.hostsFile() != null) {
            command.add("-D" + HostsFile.PROPERTY + "=" + options.hostsFile());
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(options.repoDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(nullDevice()));
        configureEnvironment(builder.environment(), service, options, database);
        try {
            Files.createDirectories(logFile.getParent());
            return new ServiceProcess(service, builder.start(), logFile);
        } catch (IOException e) {
            throw new LaunchException("cannot start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    private static void configureEnvironment(
            Map<String, String> env, ServiceSpec service, LaunchOptions options, PlatformDatabase database) {
        env.put("SSCARD_DATA_DIR", options.dataDir().toString());
        env.put("SPRING_PROFILES_ACTIVE", options.profiles());
        env.put("SSCARD_PORT", Integer.toString(options.portOf(service)));
        env.put("SSCARD_CARD_LOGIN_PORT", Integer.toString(options.cardLoginPort()));
        env.put("SSCARD_PUBLICATION_PORT", Integer.toString(options.caPublicationPort()));
        // Every service learns every address, so a port offset cannot leave one talking to another platform.
        for (ServiceSpec other : ServiceSpec.START_ORDER) {
            env.put(other.urlVariable(), options.baseUrl(other));
            env.put(other.hostVariable(), options.hostOf(other));
        }
        if (service.tls() && !service.makesOwnCertificate()) {
            Path tls = options.dataDir().resolve("tls");
            Path certificate = tls.resolve(service.module() + ".crt");
            if (!Files.exists(certificate)) {
                throw new LaunchException("no TLS certificate for " + service.module() + " in " + tls
                        + ": the card issuer makes it at start; is card-issuer in the list of services?");
            }
            env.put("SERVER_SSL_BUNDLE", "sscard");
            env.put("SPRING_SSL_BUNDLE_PEM_SSCARD_KEYSTORE_CERTIFICATE", "file:" + certificate);
            env.put(
                    "SPRING_SSL_BUNDLE_PEM_SSCARD_KEYSTORE_PRIVATEKEY",
                    "file:" + tls.resolve(service.module() + ".key"));
        }
        if (service.needsDatabase()) {
            // the service runs as a role that may change rows, not tables; only its Flyway migrates, as the owner
            ServiceRoles roles = database.rolesOf(service.database());
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(service.database()));
            env.put("SPRING_DATASOURCE_USERNAME", roles.runtime());
            env.put("SPRING_DATASOURCE_PASSWORD", roles.runtimePassword());
            env.put("SPRING_FLYWAY_USER", roles.owner());
            env.put("SPRING_FLYWAY_PASSWORD", roles.ownerPassword());
        } else {
            // An inherited datasource would point a database-less service at someone else's database.
            env.remove("SPRING_DATASOURCE_URL");
            env.remove("SPRING_DATASOURCE_USERNAME");
            env.remove("SPRING_DATASOURCE_PASSWORD");
            env.remove("SPRING_FLYWAY_USER");
            env.remove("SPRING_FLYWAY_PASSWORD");
        }
    }

    /** The same java that runs the launcher, so the children get the JDK the user chose. */
    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    ServiceSpec service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Asks politely (SIGTERM lets Spring close its context), then insists. */
    void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                System.out.println(
                        "[sscard] " + service.module() + " did not stop in " + graceSeconds + " s, killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
