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
                .containsExactly("CITY_ADMIN", "HOSPITAL_ADMIN", "INSURER_ADMIN", "RECEPTION_CLERK");

        loader.run(new DefaultApplicationArguments());
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("staff")).isEqualTo(staff);
    }

    @Test
    void givesTheDeskALostEmployerCoverageWithTheNewInsurerKnownAndLetsTheHospitalActAtBothInsurers() {
        assertThat(rows("""
                        SELECT p.provider_key || ' ' || m.valid_from || ' ' || coalesce(m.valid_to::text, '-')
                               || ' ' || m.status || ' ' || m.local_id
                        FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        JOIN person per ON per.id = m.person_id
                        WHERE per.provisional_ssn = '100000000006' ORDER BY m.valid_from, p.provider_key"""))
                .containsExactly(
                        "kameda-hospital 2010-04-01 - ACTIVE P0067890",
                        "kameda-kenpo 2015-04-01 2026-10-31 ENDED 06139999|10|2002|00",
                        "kamogawa-nhi 2026-11-01 - ACTIVE 122382|鴨川|1006|00");
        assertThat(rows("""
                        SELECT name_kanji || ' ' || name_kana || ' ' || date_of_birth || ' ' || sex
                        FROM person WHERE provisional_ssn IN ('100000000006', '100000000007')
                        ORDER BY provisional_ssn""")).containsExactly("太海 健 フトミ　ケン 1968-05-05 MALE", "前原 和子 マエハラ　カズコ 1955-08-08 FEMALE");
        assertThat(rows("""
                        SELECT p.provider_key || ' ' || m.status || ' ' || m.local_id FROM service_mapping m
                        JOIN provider p ON p.id = m.provider_id JOIN person per ON per.id = m.person_id
                        WHERE per.provisional_ssn = '100000000007' ORDER BY p.provider_key"""))
                .containsExactly("kameda-hospital ACTIVE P0078901", "kamogawa-nhi ACTIVE 122382|鴨川|1007|00");
        // the ended employer coverage keeps no subscriptions; the current insurer's services are subscribed
        assertThat(rows("""
                        SELECT DISTINCT p.provider_key FROM subscription s
                        JOIN provider_service ps ON ps.id = s.provider_service_id JOIN provider p ON p.id = ps.provider_id
                        JOIN person per ON per.id = s.person_id
                        WHERE per.provisional_ssn = '100000000006' ORDER BY 1""")).containsExactly("kameda-hospital", "kamogawa-nhi");
        assertThat(rows("""
                        SELECT provider_key || ' ' || array_to_string(staff_organisations, ',') FROM provider
                        WHERE provider_type = 'INSURER' ORDER BY provider_key""")).containsExactly("kameda-kenpo kameda-hospital", "kamogawa-nhi kameda-hospital");
        assertThat(rows("SELECT name_ja || ' / ' || name_en FROM provider WHERE provider_key = 'kameda-hospital'"))
                .containsExactly("亀田メディカルセンター / Kameda Medical Center");
        assertThat(rows("""
                        SELECT s.name_kanji || ' ' || s.name_kana || ' ' || p.provider_key FROM staff s
                        JOIN provider p ON p.id = s.provider_id WHERE s.role = 'HOSPITAL_ADMIN'""")).containsExactly("病院 管理 ビョウイン カンリ kameda-hospital");
    }

    @Test
    void givesTheResidentsAddressesTheirTilesAndTheCityNhiAnAdministrator() {
        assertThat(rows("SELECT address FROM person WHERE provisional_ssn = '100000000001'"))
                .containsExactly("千葉県鴨川市横渚1001-1 コーポ横渚 101");
        assertThat(rows("SELECT address FROM person WHERE provisional_ssn = '100000000005'"))
                .containsExactly("千葉県鴨川市江見太夫崎50-2");
        assertThat(count("person WHERE address IS NULL OR address NOT LIKE '千葉県鴨川市%'"))
                .isZero();
        // every service of every current membership is a tile: subscribing after the mapping is never NOT_JOINABLE
        int tiles = DemoData.RESIDENTS.stream()
                .flatMap(resident -> resident.memberships().stream())
                .mapToInt(membership -> membership.services().size())
                .sum();
        assertThat(rows("SELECT opaque_id::text FROM subscription WHERE withdrawn_at IS NULL"))
                .hasSize(tiles);
        assertThat(rows("""
                        SELECT s.name_kanji || ' ' || s.name_kana || ' ' || s.role || ' ' || p.provider_key FROM staff s
                        JOIN provider p ON p.id = s.provider_id WHERE s.role = 'INSURER_ADMIN' ORDER BY p.provider_key"""))
                .containsExactly(
                        "保険 管理 ホケン カンリ INSURER_ADMIN kameda-kenpo", "国保 管理 コクホ カンリ INSURER_ADMIN kamogawa-nhi");
        assertThat(rows("""
                        SELECT provider_key || ' ' || coalesce(insurer_number, '-') FROM provider
                        ORDER BY provider_key"""))
                .containsExactly(
                        "kameda-hospital -", "kameda-kenpo 06139999", "kamogawa-nhi 122382", "pension-office -");
    }

    @Test
    void addsADemoStaffMemberMissingFromAnEarlierDemoDatabase() {
        jdbc.sql("DELETE FROM staff WHERE name_kanji = '国保 管理'").update();
        int staff = count("staff");

        loader.run(new DefaultApplicationArguments());

        assertThat(count("staff")).isEqualTo(staff + 1);
        assertThat(rows("""
                        SELECT s.role || ' ' || p.provider_key FROM staff s JOIN provider p ON p.id = s.provider_id
                        WHERE s.name_kanji = '国保 管理'""")).containsExactly("INSURER_ADMIN kamogawa-nhi");
        assertThat(count("person")).isEqualTo(DemoData.RESIDENTS.size());
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

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query(String.class).list();
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
