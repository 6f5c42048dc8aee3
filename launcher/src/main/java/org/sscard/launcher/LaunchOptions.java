package org.sscard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher can be told, read once from the command line and the environment. Command-line options win
 * over environment variables so that a one-off run never needs an {@code export}.
 */
record LaunchOptions(
        Path dataDir,
        Path repoDir,
        int portOffset,
        Map<String, String> hosts,
        String profiles,
        Duration readyTimeout,
        Duration pollInterval,
        boolean checkOnly,
        List<ServiceSpec> services,
        DatabaseSettings database,
        List<String> childJvmOptions) {

    static final String USAGE = """
            Usage: bin/run [--no-build] [options]
              --data-dir=DIR        data and logs (env SSCARD_DATA_DIR, default ./data)
              --repo-dir=DIR        where the <module>/target/<module>.jar files are (env SSCARD_HOME, default .)
              --port-offset=N       shift all service ports by N (env SSCARD_PORT_OFFSET, default 0)
              --ready-timeout=SEC   wait at most SEC seconds per service (env SSCARD_READY_TIMEOUT, default 180)
              --only=a,b            start only these modules (for debugging; default: all)
              --check               start everything, verify it is ready, stop, exit 0
            Environment: SSCARD_DB_URL, SSCARD_DB_USER, SSCARD_DB_PASSWORD (use that PostgreSQL instead of the
              embedded one), SSCARD_EMBEDDED_DB_PORT (default 15432), SSCARD_DOMAIN (default localhost: each
              service on its own host <name>.<domain>: portal, auth, relay, issuer, insurers, hospital, desk,
              console), or one host each: SSCARD_PORTAL_HOST, SSCARD_AUTH_HOST, SSCARD_RELAY_HOST, SSCARD_ISSUER_HOST,
              SSCARD_ADAPTERS_HOST, SSCARD_HOSPITAL_HOST, SSCARD_DESK_HOST, SSCARD_CONSOLE_HOST,
              SSCARD_PROFILES (default demo), SSCARD_CHILD_JAVA_OPTS (default -Xmx384m -XX:TieredStopAtLevel=1)
            """;

    /** Settings of the PostgreSQL the services use: an external server when {@code externalUrl} is set. */
    record DatabaseSettings(String externalUrl, String user, String password, int embeddedPort) {
        boolean external() {
            return externalUrl != null;
        }
    }

    static LaunchOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        boolean check = false;
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        Setting setting = new Setting(settings, env);
        DatabaseSettings database = new DatabaseSettings(
                blankToNull(env.get("SSCARD_DB_URL")),
                env.getOrDefault("SSCARD_DB_USER", "postgres"),
                env.getOrDefault("SSCARD_DB_PASSWORD", ""),
                Integer.parseInt(env.getOrDefault("SSCARD_EMBEDDED_DB_PORT", "15432")));
        LaunchOptions options = new LaunchOptions(
                Path.of(setting.take("data-dir", "SSCARD_DATA_DIR", "data"))
                        .toAbsolutePath()
                        .normalize(),
                Path.of(setting.take("repo-dir", "SSCARD_HOME", "."))
                        .toAbsolutePath()
                        .normalize(),
                Integer.parseInt(setting.take("port-offset", "SSCARD_PORT_OFFSET", "0")),
                hostsOf(env),
                env.getOrDefault("SSCARD_PROFILES", "demo"),
                Duration.ofSeconds(Long.parseLong(setting.take("ready-timeout", "SSCARD_READY_TIMEOUT", "180"))),
                Duration.ofMillis(500),
                check,
                selectServices(setting.take("only", null, null)),
                database,
                List.of(env.getOrDefault("SSCARD_CHILD_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1")
                        .trim()
                        .split("\\s+")));
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + settings.keySet());
        }
        return options;
    }

    /**
     * Each service's own host name: {@code SSCARD_<X>_HOST}, else {@code <label>.<SSCARD_DOMAIN>} (default
     * {@code localhost}, so {@code portal.localhost}, {@code auth.localhost}, ...). Distinct hosts are distinct origins:
     * a cookie or a script of one service never reaches another.
     */
    private static Map<String, String> hostsOf(Map<String, String> env) {
        String domain = env.getOrDefault("SSCARD_DOMAIN", "localhost").trim();
        Map<String, String> hosts = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.START_ORDER) {
            String given = blankToNull(env.get(service.hostVariable()));
            hosts.put(service.module(), given != null ? given : service.hostLabel() + "." + domain);
        }
        return java.util.Collections.unmodifiableMap(hosts); // in start order, as the hosts file lists them
    }

    String hostOf(ServiceSpec service) {
        return hosts.get(service.module());
    }

    /**
     * Where the JVMs find the {@code *.localhost} names ({@code jdk.net.hosts.file}), or null when some service has
     * a real host name (a deployment's DNS answers then).
     */
    Path hostsFile() {
        return HostsFile.covers(hosts.values()) ? dataDir.resolve("hosts") : null;
    }

    int portOf(ServiceSpec service) {
        return service.defaultPort() + portOffset;
    }

    /** The address other services and the user reach a service at. */
    int cardLoginPort() {
        return ServiceSpec.CARD_LOGIN_PORT + portOffset;
    }

    /** Where the card issuer publishes CA certificates, CRLs and OCSP (plain HTTP). */
    int caPublicationPort() {
        return ServiceSpec.CA_PUBLICATION_PORT + portOffset;
    }

    String caPublicationUrl() {
        return "http://" + hostOf(ServiceSpec.CARD_ISSUER) + ":" + caPublicationPort();
    }

    String baseUrl(ServiceSpec service) {
        return (service.tls() ? "https://" : "http://") + hostOf(service) + ":" + portOf(service);
    }

    Path logFile(ServiceSpec service) {
        return dataDir.resolve("logs").resolve(service.module() + ".log");
    }

    Path jarOf(ServiceSpec service) {
        return repoDir.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    private static List<ServiceSpec> selectServices(String only) {
        if (only == null || only.isBlank()) {
            return ServiceSpec.START_ORDER;
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        List<String> wanted = Arrays.stream(only.split(",")).map(String::trim).toList();
        wanted.forEach(ServiceSpec::byModule); // fails on a typo instead of silently starting less
        ServiceSpec.START_ORDER.stream()
                .filter(spec -> wanted.contains(spec.module()))
                .forEach(chosen::add);
        return List.copyOf(chosen);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Looks an option up on the command line, then in the environment; consumes it so leftovers can be reported. */
    private record Setting(Map<String, String> commandLine, Map<String, String> env) {
        String take(String option, String envVariable, String fallback) {
            String fromCommandLine = commandLine.remove(option);
            if (fromCommandLine != null) {
                return fromCommandLine;
            }
            String fromEnv = envVariable == null ? null : blankToNull(env.get(envVariable));
            return fromEnv != null ? fromEnv : fallback;
        }
    }
}
