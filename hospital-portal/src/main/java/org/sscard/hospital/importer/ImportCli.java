package org.sscard.hospital.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.sscard.hospital.config.HospitalProperties;

/**
 * {@code java -jar hospital-portal.jar import FILE} (bin/sscard-hospital-import): the XML import from the command
 * line, on the database the service uses ({@code SPRING_DATASOURCE_*}), without starting the web server. Exit 0
 * imported (or {@code --help}), 1 rejected (every error on stderr, nothing loaded), 2 wrong command line.
 */
public final class ImportCli {

    public static final String COMMAND = "import";

    static final String USAGE = """
            usage: sscard-hospital-import FILE.xml
                   sscard-hospital-import --help
            Imports one hospital extract (hospital-extract.xsd) into the hospital portal's database, all or
            nothing, without starting the web server (as java -jar hospital-portal.jar import FILE.xml does).
            The database: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD.
            Prints a progress line every 1000 patients and a summary; every error (line, element, attribute,
            reason) on stderr. Exits 0 (imported), 1 (rejected: nothing loaded), 2 (usage).""";

    private ImportCli() {}

    /** {@code args} as the application's main gets them: {@link #COMMAND} first. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> arguments = List.of(args).subList(1, args.length);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (arguments.size() != 1 || arguments.get(0).startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("sscard-hospital-import: no such file " + file);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CliConfig.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "logging.structured.format.console=", "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run()) {
            ImportReport report = context.getBean(HospitalImporter.class)
                    .importFile(file, file.getFileName().toString(), out::println);
            out.printf(
                    "imported %s: %d patients, %d replaced, %d unchanged (sha256 %s)%n",
                    report.file(), report.patients(), report.replaced(), report.unchanged(), report.sha256());
            return 0;
        } catch (ImportRejectedException e) {
            err.println("rejected " + file + ": " + e.getMessage());
            e.report().errors().forEach(error -> err.println("  " + error));
            return 1;
        }
    }

    /**
     * Only what the import needs: the database (with its migrations), the importer and its configuration. Not a
     * {@code @Configuration}, so the web application's component scan never picks it up.
     */
    @EnableAutoConfiguration
    @EnableConfigurationProperties({HospitalProperties.class, ImportLimits.class})
    @Import({HospitalImporter.class, ExtractLoader.class})
    static class CliConfig {

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }
}
