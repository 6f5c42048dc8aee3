package org.sscard.adapters.imports;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.sscard.adapters.error.ImportException;

/**
 * {@code java -jar insurer-adapters.jar import <provider> <kind> <file> [--charset=UTF-8|Shift_JIS]
 * [--<spring property>=<value>…]}: the same
 * import as the HTTP endpoint, without a web server, on the database of {@code SPRING_DATASOURCE_*}. Progress and
 * the report go to stderr; the exit code is 0 when imported or already imported, 1 when rejected, 2 on misuse.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: sscard-import <provider> <kind> <file> [--charset=UTF-8|Shift_JIS] [--<spring property>=<value> ...]
                   sscard-import --help
            Imports one CSV file of an existing system into the provider's view database, all or nothing.
            Kinds: insurers (kamogawa-nhi, kameda-kenpo): eligibility, notices, checkups; pension-office:
            contributions, projections. Columns, charsets and what a re-send replaces: docs/imports.md.
            The database: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD (bin/sscard-import: bin/run's embedded one).
            Progress and the report (every bad row with its line and column) go to stderr. Exits 0 (imported or
            already imported), 1 (rejected: nothing loaded), 2 (misuse: unknown provider or kind, missing file,
            database unreachable).""";

    private ImportCommand() {}

    /** The whole command line (after {@code import}); the usage of {@code --help} on out, all else on err. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        List<String> positional = new ArrayList<>();
        List<String> properties = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off", "--logging.structured.format.console=", "--logging.level.root=WARN"));
        Charset charset = null;
        for (String arg : args) {
            if (arg.startsWith("--charset=")) {
                String name = arg.substring("--charset=".length());
                try {
                    charset = name.equalsIgnoreCase("Shift_JIS") || name.equalsIgnoreCase("SJIS")
                            ? Prescan.SHIFT_JIS
                            : Charset.forName(name);
                } catch (IllegalArgumentException unknown) { // an illegal or unsupported charset name
                    err.println("sscard-import: unknown charset '" + name + "' (UTF-8 or Shift_JIS)");
                    return 2;
                }
            } else if (arg.startsWith("--")) {
                properties.add(arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 3 || !Files.isRegularFile(Path.of(positional.get(2)))) {
            err.println(positional.size() == 3 ? "sscard-import: no such file " + positional.get(2) : USAGE);
            return 2;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
            Path file = Path.of(positional.get(2));
            long start = System.nanoTime();
            ImportReport report = context.getBean(Importer.class)
                    .run(
                            positional.get(0),
                            positional.get(1),
                            file,
                            file.getFileName().toString(),
                            charset,
                            "cli:" + System.getProperty("user.name"),
                            (phase, count) -> err.println(phase + " " + count + " rows"));
            err.println(report.describe());
            double seconds = (System.nanoTime() - start) / 1e9;
            // the import alone, without the JVM's start: what bench/import compares with a plain COPY
            err.printf(java.util.Locale.ROOT, "elapsed %.3f s, %.0f rows/s%n", seconds, report.rows() / seconds);
            return report.status() == ImportReport.Status.REJECTED ? 1 : 0;
        } catch (ImportException e) {
            err.println("import failed: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // e.g. the database cannot be reached; the report above (if any) says more
            err.println("import failed: " + e);
            return 2;
        }
    }
}
