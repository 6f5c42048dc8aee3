package org.sscard.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.util.PasswordUtil;

/**
 * A real PostgreSQL started from a jar, so a fresh clone needs nothing but a JDK. Its data directory is kept between
 * runs so that demo data survives a restart. Unlike the library's test defaults it asks every connection for a
 * password (SCRAM-SHA-256; the superuser's is generated into the data directory) and writes durably (fsync,
 * full-page writes and synchronous commit on): it holds the residents' registrations and the audit logs.
 */
final class EmbeddedDatabase implements PlatformDatabase {

    static final String SUPERUSER = "postgres";

    /** First line of the pg_hba.conf the launcher writes; a data directory without it still has initdb's trust. */
    private static final String HBA_MARKER = "# sscard: every connection authenticates with a password (SCRAM-SHA-256)";

    private static final String HBA = HBA_MARKER + """

            # Written by the launcher at every start; local edits are overwritten.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DatabasePasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, DatabasePasswords passwords) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile, DatabasePasswords passwords) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            if (hasLauncherHba(dataDirectory) && !passwords.exists(SUPERUSER)) {
                throw new LaunchException("the superuser's password of the PostgreSQL data in " + dataDirectory
                        + " is missing (" + passwords.fileOf(SUPERUSER) + "): restore it, or delete "
                        + dataDirectory + " to start with an empty database");
            }
            String superuserPassword = passwords.of(SUPERUSER);
            BinaryLocator binaries = new BinaryLocator();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
                    .setOverrideWorkingDirectory(binaries.workingDirectory())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // We close it ourselves, after the services that use it have stopped.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library starts PostgreSQL as for tests: -F (no fsync) and synchronous_commit=off, which a
                    // power cut punishes with lost or corrupt data. These come after -F on the command line and win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // the library's own readiness check logs in as the superuser
                    .setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(
                            directory -> requirePasswords(directory.toPath(), binaries, superuserPassword, logFile))
                    .start();
            return new EmbeddedDatabase(postgres, dataDirectory, passwords);
        } catch (LaunchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LaunchException(
                    "cannot start the embedded PostgreSQL on port " + port + " (data in " + dataDirectory + ", log "
                            + logFile + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Runs after initdb (which knows only {@code trust}) and before the server starts. A data directory that does not
     * have the launcher's pg_hba.conf yet, a new one or one of an older version, first gets the superuser's password,
     * set in single-user mode (no connection, so no moment without a password), as a SCRAM verifier: the password
     * itself is never handed to PostgreSQL or written into its log.
     */
    private static void requirePasswords(Path directory, BinaryLocator binaries, String superuserPassword, Path log) {
        Path hba = directory.resolve("pg_hba.conf");
        try {
            if (!hasLauncherHba(directory)) {
                String verifier = PasswordUtil.encodeScramSha256(superuserPassword.toCharArray());
                runSingleUser(
                        binaries.postgres(),
                        directory,
                        "ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier.replace("'", "''") + "'",
                        log);
            }
            Path temp = directory.resolve("pg_hba.conf.tmp");
            Files.writeString(temp, HBA, StandardCharsets.US_ASCII);
            Files.move(temp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up password authentication in " + directory, e);
        }
    }

    private static boolean hasLauncherHba(Path directory) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && Files.readString(hba).startsWith(HBA_MARKER);
    }

    private static void runSingleUser(Path postgres, Path directory, String statement, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as the library runs every PostgreSQL program when started as root
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.toString(), "--single", "-D", directory.toString(), "-c", "exit_on_error=on", SUPERUSER));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        try {
            process.getOutputStream().write((statement + "\n").getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().close();
            if (process.waitFor() != 0) {
                throw new IOException(
                        "PostgreSQL in single-user mode exited with " + process.exitValue() + " (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the superuser's password", e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return passwords.of(SUPERUSER);
    }

    @Override
    public DatabasePasswords passwords() {
        return passwords;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on localhost:" + postgres.getPort() + " (data in " + dataDirectory + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[sscard] could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }

    /**
     * The library's own binaries, found where it unpacks them ({@code <working dir>/PG-<MD5 of the archive>}): the
     * digest is taken while the library reads the archive through this resolver.
     */
    private static final class BinaryLocator implements PgBinaryResolver {

        private final MessageDigest md5;
        private Path postgres;

        BinaryLocator() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
            return archive == null ? null : new DigestInputStream(archive, md5);
        }

        /** The library's default, made explicit so that the binaries' place is known. */
        File workingDirectory() {
            File temporary = new File(System.getProperty("java.io.tmpdir"), "embedded-pg");
            return new File(System.getProperty("ot.epg.working-dir", temporary.getPath()));
        }

        synchronized Path postgres() {
            if (postgres != null) {
                return postgres;
            }
            String digest = HexFormat.of().formatHex(md5.digest());
            Path binary = workingDirectory()
                    .toPath()
                    .resolve("PG-" + digest)
                    .resolve("bin")
                    .resolve("postgres");
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("the embedded PostgreSQL's binaries are not at " + binary);
            }
            postgres = binary;
            return binary;
        }
    }
}
