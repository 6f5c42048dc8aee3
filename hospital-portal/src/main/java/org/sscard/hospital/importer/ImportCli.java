package org.sscard.hospital.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.sscard.hospital.config.HospitalProperties;

/**
 * {@code java -jar hospital-portal.jar import FILE}: the XML import from the command line, on the database the
 * service uses ({@code SPRING_DATASOURCE_*}), without starting the web server. Exit 0 imported, 1 rejected (every
 * error on stderr, nothing loaded), 2 wrong command line.
 */
public final class ImportCli {

    public static final String COMMAND = "import";

    private ImportCli() {}

    public static int run(String[] args) {
        if (args.length != 2 || !Files.isRegularFile(Path.of(args[1]))) {
            System.err.println("usage: hospital-portal import FILE.xml (an extract per hospital-extract.xsd)");
            return 2;
        }
        Path file = Path.of(args[1]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CliConfig.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "logging.structured.format.console=", "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run()) {
            ImportReport report = context.getBean(HospitalImporter.class)
                    .importFile(file, file.getFileName().toString(), System.out::println);
            System.out.printf(
                    "imported %s: %d patients, %d replaced, %d unchanged (sha256 %s)%n",
                    report.file(), report.patients(), report.replaced(), report.unchanged(), report.sha256());
            return 0;
        } catch (ImportRejectedException e) {
            System.err.println("rejected " + file + ": " + e.getMessage());
            e.report().errors().forEach(error -> System.err.println("  " + error));
            return 1;
        }
    }

    /**
     * Only what the import needs: the database (with its migrations), the importer and its configuration. Not a
     * {@code @Configuration}, so the web application's component scan never picks it up.
     */
    @EnableAutoConfiguration
    @EnableConfigurationProperties(HospitalProperties.class)
    @Import({HospitalImporter.class, ExtractLoader.class})
    static class CliConfig {

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }
}
