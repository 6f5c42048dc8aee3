package org.sscard.hospital.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.sscard.hospital.config.HospitalProperties;

/**
 * The demo patients' records, loaded at start through the same import path as any extract (demo profile:
 * {@code sscard.hospital.demo-extract}); importing them again at every start changes nothing.
 */
@Component
class DemoExtract implements ApplicationRunner {

    private final HospitalProperties properties;
    private final HospitalImporter importer;
    private final ResourceLoader resources;

    DemoExtract(HospitalProperties properties, HospitalImporter importer, ResourceLoader resources) {
        this.properties = properties;
        this.importer = importer;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.demoExtract() == null || properties.demoExtract().isBlank()) {
            return;
        }
        Path spool = Files.createTempFile("hospital-demo-", ".xml");
        try (InputStream in = resources.getResource(properties.demoExtract()).getInputStream()) {
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            importer.importFile(spool, "hospital-demo.xml", line -> {});
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
