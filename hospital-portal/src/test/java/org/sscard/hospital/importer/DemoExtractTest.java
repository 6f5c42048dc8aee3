package org.sscard.hospital.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.hospital.support.HospitalTest;

/** The demo extract the demo profile loads at start goes through the import like any other, twice without change. */
class DemoExtractTest extends HospitalTest {

    @Autowired
    HospitalImporter importer;

    @Test
    void theDemoExtractImportsAndReimportsWithoutChange() throws Exception {
        Path file = Files.createTempFile("demo", ".xml");
        Files.write(
                file, getClass().getResourceAsStream("/demo/hospital-demo.xml").readAllBytes());

        ImportReport first = importer.importFile(file, "hospital-demo.xml", line -> {});
        ImportReport again = importer.importFile(file, "hospital-demo.xml", line -> {});

        assertThat(first.patients()).isEqualTo(3);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT name_kanji FROM patient WHERE patient_number = 'P0012345'")
                        .query(String.class)
                        .single())
                .isEqualTo("鴨川 花子");
    }
}
