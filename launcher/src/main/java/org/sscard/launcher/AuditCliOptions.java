package org.sscard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What bin/sscard-audit was told: the command, the services and where the databases and the data directory are. */
record AuditCliOptions(
        String command, List<AuditedServices.AuditedService> services, String dbUrl, Path dataDir, String olderThan) {

    static final String USAGE = """
            Usage: sscard-audit verify [--service NAME]... [--db-url URL] [--data-dir DIR]
                   sscard-audit expire --service NAME [--older-than P5Y] [--db-url URL] [--data-dir DIR]
            Checks and expires the tamper-evident audit chains of the platform's services (docs/security.md,
            "Tamper-evident audit").
              verify          checks each chain from its oldest checkpoint (or its start) to its newest link and names
                              the first break: service, table, row id, seq and what is wrong. Connects as each
                              service's runtime role and only reads.
              expire          cuts each chain's oldest segment: the newest checkpoint older than the retention becomes
                              its start; the older links, the audit rows they link and older checkpoints are deleted.
                              Verifies first and cuts nothing from a broken chain. Connects as the database's owner.
              --service NAME  relay-db-service, card-issuer, auth-service, operator-console, reception-desk,
                              hospital-portal or insurer-adapters (its chains, one per provider), or one provider's
                              chain: insurer-adapters-<provider key> (verify: repeatable, default all)
              --older-than P  expire: the retention, an ISO-8601 period or duration, e.g. P5Y, P90D, PT12H
                              (env SSCARD_AUDIT_RETENTION, default P5Y)
              --db-url URL    the PostgreSQL server (env SSCARD_DB_URL, else bin/run's embedded one:
                              jdbc:postgresql://localhost:<SSCARD_EMBEDDED_DB_PORT, default 15432>/)
              --data-dir DIR  the platform's data directory: database passwords and the services' audit public keys
                              (env SSCARD_DATA_DIR, default ./data, relative to the project root as for bin/run)
            Exit: 0 every chain intact (verify) or expired (expire); 1 a chain is broken (nothing was cut);
                  2 wrong usage, or nothing could be checked (database unreachable, password or key missing).
            """;

    static AuditCliOptions parse(String[] args, Map<String, String> env) {
        if (args.length == 0 || !(args[0].equals("verify") || args[0].equals("expire"))) {
            throw new IllegalArgumentException(
                    args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        String command = args[0];
        List<AuditedServices.AuditedService> services = new ArrayList<>();
        int serviceOptions = 0;
        String dbUrl = null;
        String dataDir = null;
        String olderThan = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length && name.startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
            switch (name) {
                case "--service" -> {
                    serviceOptions++;
                    AuditedServices.byName(value).stream()
                            .filter(chain -> !services.contains(chain))
                            .forEach(services::add);
                }
                case "--db-url" -> dbUrl = value;
                case "--data-dir" -> dataDir = value;
                case "--older-than" -> olderThan = value;
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (command.equals("expire") && serviceOptions != 1) {
            throw new IllegalArgumentException("expire takes exactly one --service");
        }
        if (command.equals("verify") && olderThan != null) {
            throw new IllegalArgumentException("--older-than is for expire");
        }
        String port = env.getOrDefault("SSCARD_EMBEDDED_DB_PORT", "15432");
        AuditCliOptions options = new AuditCliOptions(
                command,
                services.isEmpty() ? AuditedServices.ALL : List.copyOf(services),
                firstOf(dbUrl, env.get("SSCARD_DB_URL"), "jdbc:postgresql://localhost:" + port + "/"),
                Path.of(firstOf(dataDir, env.get("SSCARD_DATA_DIR"), "data"))
                        .toAbsolutePath()
                        .normalize(),
                firstOf(olderThan, env.get("SSCARD_AUDIT_RETENTION"), "P5Y"));
        Instant now = Instant.now();
        if (options.cutoff(now).isAfter(now)) { // found now: a malformed retention is a usage error
            throw new IllegalArgumentException("--older-than must not be negative: " + options.olderThan());
        }
        return options;
    }

    /** Rows linked before this instant are past retention. */
    Instant cutoff(Instant now) {
        try {
            return olderThan.startsWith("PT")
                    ? now.minus(Duration.parse(olderThan))
                    : now.atZone(ZoneOffset.UTC).minus(Period.parse(olderThan)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--older-than must be an ISO-8601 period or duration such as P5Y or"
                    + " PT12H, got '" + olderThan + "'");
        }
    }

    private static String firstOf(String given, String fromEnvironment, String fallback) {
        if (given != null) {
            return given;
        }
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fallback;
    }
}
