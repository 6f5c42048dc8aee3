package org.sscard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sscard.common.audit.AuditExpiry;
import org.sscard.common.audit.AuditKey;
import org.sscard.common.audit.AuditVerifier;
import org.sscard.common.audit.AuditedChain;
import org.sscard.common.audit.Verification;

/**
 * bin/sscard-audit: verifies the services' tamper-evident audit chains, or expires one's oldest segment, with
 * common's verifier, on the databases bin/run's services use (the embedded server, or SSCARD_DB_URL), as the roles
 * bin/run made, with the passwords in the data directory. Plain main, like the launcher's.
 */
public final class AuditCli {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;

    private final AuditCliOptions options;
    private final PrintStream out;
    private final PrintStream err;

    private AuditCli(AuditCliOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(AuditCliOptions.USAGE);
            return INTACT;
        }
        AuditCliOptions options;
        try {
            options = AuditCliOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("sscard-audit: " + e.getMessage());
            err.print(AuditCliOptions.USAGE);
            return USAGE;
        }
        AuditCli cli = new AuditCli(options, out, err);
        try {
            return options.command().equals("verify") ? cli.verify() : cli.expire();
        } catch (CannotCheck e) {
            err.println("sscard-audit: " + e.getMessage());
            return USAGE;
        }
    }

    private int verify() {
        int exit = INTACT;
        for (AuditedServices.AuditedService service : options.services()) {
            AuditVerifier verifier = inKeyDirectory(service, AuditVerifier::inKeyDirectory);
            try (Connection connection = connect(service, ServiceRoles.runtimeOf(service.database()))) {
                Verification verification = verifier.verify(connection);
                out.println(verification.describe());
                if (!verification.intact()) {
                    exit = BROKEN;
                }
            } catch (SQLException e) {
                throw new CannotCheck(
                        "cannot read the audit chain of " + service.chain().name() + ": " + e.getMessage());
            }
        }
        return exit;
    }

    /** Each chain of the one service named (insurer-adapters: every provider's); 1 if any was broken. */
    private int expire() {
        int exit = INTACT;
        for (AuditedServices.AuditedService service : options.services()) {
            exit = Math.max(exit, expire(service));
        }
        return exit;
    }

    private int expire(AuditedServices.AuditedService service) {
        AuditExpiry expiry = inKeyDirectory(service, AuditExpiry::inKeyDirectory);
        Instant cutoff = options.cutoff(Instant.now());
        try (Connection connection = connect(service, ServiceRoles.ownerOf(service.database()))) {
            AuditExpiry.Expired expired = expiry.expire(connection, cutoff);
            String name = service.chain().name();
            if (expired.refused()) {
                out.println(expired.before().describe());
                out.println(name + ": nothing was cut: a broken chain is evidence");
                return BROKEN;
            }
            if (expired.cutAt().isEmpty()) {
                out.println(name + ": nothing to cut: no checkpoint newer than the chain's start was made before "
                        + cutoff + " (retention " + options.olderThan() + ")");
            } else {
                out.println(name + ": cut at the checkpoint of seq "
                        + expired.cutAt().get().seq() + " made "
                        + expired.cutAt().get().madeAt() + ": " + expired.rows() + " audit row(s), "
                        + expired.links() + " link(s), " + expired.checkpoints() + " older checkpoint(s) deleted");
            }
            return INTACT;
        } catch (SQLException e) {
            throw new CannotCheck(
                    "cannot expire the audit chain of " + service.chain().name() + ": " + e.getMessage());
        }
    }

    /** How common's verifier and expiry are made from a service's audit key folder. */
    private interface FromKeyDirectory<T> {
        T make(AuditedChain chain, Path directory) throws IOException, GeneralSecurityException;
    }

    private <T> T inKeyDirectory(AuditedServices.AuditedService service, FromKeyDirectory<T> factory) {
        Path directory = AuditKey.directoryOf(options.dataDir(), service.chain().name());
        try {
            return factory.make(service.chain(), directory);
        } catch (IOException | GeneralSecurityException e) {
            throw new CannotCheck("no audit public key of " + service.chain().name() + " in " + directory
                    + " (the service makes it at its first start; is --data-dir the platform's?): " + e);
        }
    }

    private Connection connect(AuditedServices.AuditedService service, String role) throws SQLException {
        DatabasePasswords passwords = new DatabasePasswords(options.dataDir());
        if (!passwords.exists(role)) {
            throw new CannotCheck("no password for the database role " + role + " at " + passwords.fileOf(role)
                    + " (bin/run makes it; is --data-dir the platform's?)");
        }
        String url;
        try {
            url = new ExternalDatabase(options.dbUrl(), role, "", passwords).jdbcUrl(service.database());
        } catch (LaunchException e) {
            throw new CannotCheck(e.getMessage());
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, role, passwords.of(role));
        } catch (SQLException e) {
            throw new CannotCheck("cannot connect to " + url + " as " + role + " (is the platform's database"
                    + " running? bin/run starts it; or give --db-url): " + e.getMessage());
        }
        if (service.schema() != null) {
            // common's verifier and expiry find a chain's tables in the current schema: a provider's is its own
            try {
                connection.setSchema(service.schema());
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new CannotCheck("cannot use the schema " + service.schema() + " in " + url + " as " + role + ": "
                        + e.getMessage());
            }
        }
        return connection;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one reported
        }
    }

    /** Nothing could be checked: the database, a password or a key is not where the options say. */
    private static final class CannotCheck extends RuntimeException {
        CannotCheck(String message) {
            super(message);
        }
    }
}
