package org.sscard.relay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.id.PersonalId;
import org.sscard.testsupport.TestPostgres;

/** The demo profile: the source document's providers and a handful of residents and staff, loaded once. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoDataTest {

    private static final String DATABASE = TestPostgres.createDatabase("relay_demo");
    private static final Path DATA_DIR = createTempDir();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("server.port", () -> "0");
    }

    @Test
    void loadsTheSourceDocumentsProvidersResidentsAndStaffOnce() throws Exception {
        assertThat(jdbc.sql("SELECT provider_key FROM provider ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("kameda-hospital", "kameda-kenpo", "kamogawa-nhi", "pension-office");
        int persons = count("person");
        int staff = count("staff");
        assertThat(persons).isEqualTo(DemoData.RESIDENTS.size());
        assertThat(staff).isEqualTo(DemoData.STAFF.size());
        assertThat(count("service_mapping")).isGreaterThanOrEqualTo(persons);
        assertThat(jdbc.sql("SELECT DISTINCT role FROM staff ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("CITY_ADMIN", "INSURER_ADMIN", "RECEPTION_CLERK");

        loader.run(new DefaultApplicationArguments());
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("staff")).isEqualTo(staff);
    }

    @Test
    void writesTheDemoPersonalIdsOnlyToAnOwnerOnlyFileInTheDataDirectory() throws Exception {
        Path residents = DATA_DIR.resolve("demo/residents.tsv");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(residents)))
                .isEqualTo("rw-------");
        List<String> rows = Files.readAllLines(residents).stream()
                .filter(line -> !line.startsWith("#"))
                .toList();
        assertThat(rows).hasSize(DemoData.RESIDENTS.size());
        for (String row : rows) {
            String[] columns = row.split("\t");
            PersonalId id = PersonalId.parse(columns[2]);
            assertThat(jdbc.sql("SELECT opaque_id::text FROM person WHERE personal_id = :pid")
                            .param("pid", id.digits())
                            .query(String.class)
                            .single())
                    .isEqualTo(columns[0]);
        }
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("sscard-demo-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
