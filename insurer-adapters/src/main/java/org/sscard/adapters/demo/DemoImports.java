package org.sscard.adapters.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.ImportReport;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;

/**
 * The demo residents' data, loaded at start in the {@code demo} profile through the ordinary import path from the
 * CSV files in {@code demo/<provider>/<kind>.csv} (the employer insurer's in Shift_JIS with half-width kana, as an
 * older system writes them). Idempotent: a file imported before is recognised by its SHA-256 and skipped.
 */
@Component
@Profile("demo")
class DemoImports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoImports.class);
    /** Persons first, so that a page shows a whole record as soon as it shows anything. */
    private static final List<String> ORDER =
            List.of("eligibility", "notices", "checkups", "contributions", "projections");

    private final Providers providers;
    private final Importer importer;

    DemoImports(Providers providers, Importer importer) {
        this.providers = providers;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Provider provider : providers.all()) {
            for (String kind : ORDER) {
                ClassPathResource resource = new ClassPathResource("demo/" + provider.key() + "/" + kind + ".csv");
                if (resource.exists()) {
                    load(provider, kind, resource);
                }
            }
        }
    }

    private void load(Provider provider, String kind, ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            Path file = Files.createTempFile("sscard-demo", ".csv");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                ImportReport report = importer.run(
                        provider.key(),
                        kind,
                        file,
                        "demo/" + provider.key() + "/" + kind + ".csv",
                        null,
                        "demo",
                        ImportProgress.NONE);
                if (report.status() == ImportReport.Status.REJECTED) {
                    throw new IllegalStateException("demo data rejected: " + report.describe());
                }
                log.info("demo {} {}: {}", provider.key(), kind, report.status());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
