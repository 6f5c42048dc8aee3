package org.sscard.hospital.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.sscard.hospital.support.HospitalTest;

/** The XML import: all or nothing per file, idempotent, per-patient replacement, every error with its place. */
class HospitalImportTest extends HospitalTest {

    @Autowired
    HospitalImporter importer;

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        Path file = extract("two-patients.xml", "T0000001", "T1000001", "T0000002", "T1000002");
        ImportReport first = importer.importFile(file, "first", line -> {});
        List<Long> visitIds = ids("T1000001");

        ImportReport second = importer.importFile(file, "second", line -> {});

        assertThat(first.patients()).isEqualTo(2);
        assertThat(first.replaced()).isEqualTo(2);
        assertThat(second.replaced()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(ids("T1000001"))
                .as("rows untouched, not rewritten")
                .isEqualTo(visitIds)
                .hasSize(2);
    }

    @Test
    void aCorrectedResendReplacesTheRecordsOfThePatientsItContainsOnly() throws Exception {
        importer.importFile(
                extract("two-patients.xml", "T0000001", "T2000001", "T0000002", "T2000002"), "a", line -> {});
        Path corrected = Files.createTempFile("corrected", ".xml");
        Files.writeString(corrected, """
                <hospitalExtract xmlns="urn:sscard:hospital-extract:1" provider="kameda-hospital"
                    generatedAt="2026-02-01T09:00:00+09:00">
                  <patient number="T2000001" nameKanji="試験 一子">
                    <visit date="2026-01-10" department="内科" doctor="医師 丁" type="outpatient"/>
                  </patient>
                </hospitalExtract>""");

        ImportReport report = importer.importFile(corrected, "corrected", line -> {});

        assertThat(report.replaced()).isEqualTo(1);
        assertThat(count("visit", "T2000001")).isEqualTo(1);
        assertThat(count("lab_result", "T2000001")).isZero();
        assertThat(jdbc.sql("SELECT doctor FROM visit v JOIN patient p ON p.id = v.patient_id "
                                + "WHERE p.patient_number = 'T2000001'")
                        .query(String.class)
                        .single())
                .isEqualTo("医師 丁");
        assertThat(count("visit", "T2000002"))
                .as("the other patient is left as it was")
                .isEqualTo(1);
        assertThat(count("lab_result", "T2000002")).isEqualTo(1);
    }

    @Test
    void reportsEverySchemaErrorWithLineElementAndAttributeAndLoadsNothing() throws Exception {
        Path file = extract("broken.xml", "T0000003", "T3000003");

        ImportReport report = rejected(file);

        assertThat(report.errors())
                .extracting(ImportError::line, ImportError::attribute)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(4, "date"),
                        org.assertj.core.groups.Tuple.tuple(5, "department"),
                        org.assertj.core.groups.Tuple.tuple(6, "flag"));
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.reason()).contains("onePatientBlockPerNumber");
        });
        assertThat(report.errors())
                .filteredOn(e -> e.line() == 4)
                .first()
                .satisfies(e -> assertThat(e.element()).endsWith("patient[1]/visit[1]"));
        assertThat(patients("T3000003")).isZero();
    }

    @Test
    void reportsRuleErrorsWithTheirLinesAndLoadsNoPatientOfTheFile() throws Exception {
        Path file = extract("semantic-errors.xml", "T0000004", "T4000004", "T0000005", "T4000005");

        ImportReport report = rejected(file);

        assertThat(report.errors())
                .extracting(ImportError::line, ImportError::attribute)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7, "dischargeDate"),
                        org.assertj.core.groups.Tuple.tuple(8, "dischargeDate"),
                        org.assertj.core.groups.Tuple.tuple(9, "date"));
        assertThat(patients("T4000004"))
                .as("the valid patient before the errors is rolled back too")
                .isZero();
    }

    @Test
    void refusesAnExtractForAnotherProvider() throws Exception {
        Path file = extract(
                "two-patients.xml",
                "T0000001",
                "T5000001",
                "T0000002",
                "T5000002",
                "kameda-hospital",
                "other-hospital");

        assertThat(rejected(file).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.attribute()).isEqualTo("provider"));
        assertThat(patients("T5000001")).isZero();
    }

    @Test
    void refusesADoctypeAndExternalEntities() throws Exception {
        Path file = Files.createTempFile("xxe", ".xml");
        Files.writeString(file, """
                <?xml version="1.0"?>
                <!DOCTYPE hospitalExtract [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <hospitalExtract xmlns="urn:sscard:hospital-extract:1" provider="kameda-hospital"
                    generatedAt="2026-02-01T09:00:00+09:00">
                  <patient number="T6000001" nameKanji="&x;"/>
                </hospitalExtract>""");

        assertThat(rejected(file).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).containsIgnoringCase("DOCTYPE"));
        assertThat(patients("T6000001")).isZero();
    }

    @Test
    void printsProgressOnLongFiles() throws Exception {
        StringBuilder xml = new StringBuilder("<hospitalExtract xmlns=\"urn:sscard:hospital-extract:1\" "
                + "provider=\"kameda-hospital\" generatedAt=\"2026-02-01T09:00:00+09:00\">\n");
        for (int i = 0; i < 2500; i++) {
            xml.append("<patient number=\"L")
                    .append(String.format("%07d", i))
                    .append("\"><visit date=\"2026-01-0")
                    .append(1 + i % 9)
                    .append("\" department=\"内科\" doctor=\"医師\" type=\"outpatient\"/></patient>\n");
        }
        Path file = Files.createTempFile("long", ".xml");
        Files.writeString(file, xml.append("</hospitalExtract>"));
        List<String> progress = new ArrayList<>();

        ImportReport report = importer.importFile(file, "long.xml", progress::add);

        assertThat(report.patients()).isEqualTo(2500);
        assertThat(progress).hasSize(2).allSatisfy(line -> assertThat(line).contains("long.xml"));
    }

    @Test
    void importsOverHttpOnlyWithAnImportClientsToken() throws Exception {
        byte[] body = Files.readAllBytes(extract("two-patients.xml", "T0000001", "T7000001", "T0000002", "T7000002"));
        String patientToken = TOKENS.mint("portal-gateway", "kameda-hospital", c -> c.subject("T7000001"));

        MvcResult asPatient = mvc.perform(post("/api/v1/imports")
                        .contentType(MediaType.APPLICATION_XML)
                        .header("Authorization", "Bearer " + patientToken)
                        .content(body))
                .andReturn();
        MvcResult anonymous = mvc.perform(post("/api/v1/imports")
                        .contentType(MediaType.APPLICATION_XML)
                        .content(body))
                .andReturn();
        MvcResult asClient = mvc.perform(post("/api/v1/imports?name=two.xml")
                        .contentType(MediaType.APPLICATION_XML)
                        .header("Authorization", "Bearer " + TOKENS.mint("hospital-portal", "kameda-hospital"))
                        .content(body))
                .andReturn();

        assertThat(asPatient.getResponse().getStatus()).isEqualTo(403);
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(asClient.getResponse().getStatus()).isEqualTo(200);
        assertThat(asClient.getResponse().getContentAsString()).contains("\"replaced\":2");
        assertThat(patients("T7000001")).isEqualTo(1);
    }

    @Test
    void aPatientWhosePatientNumberSpellsTheImportClientCannotImport() throws Exception {
        byte[] body = Files.readAllBytes(extract("two-patients.xml", "T0000001", "T7000001", "T0000002", "T7000002"));
        // a pairwise token: sub = the patient number "hospital-portal", even exchanged by a client of that name
        String pairwise = TOKENS.mint("hospital-portal", "kameda-hospital", c -> c.claim("gty", null));

        MvcResult result = mvc.perform(post("/api/v1/imports")
                        .contentType(MediaType.APPLICATION_XML)
                        .header("Authorization", "Bearer " + pairwise)
                        .content(body))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void answersARejectedHttpImportWithEveryError() throws Exception {
        byte[] body = Files.readAllBytes(extract("broken.xml", "T0000003", "T8000003"));

        MvcResult result = mvc.perform(post("/api/v1/imports")
                        .contentType(MediaType.APPLICATION_XML)
                        .header("Authorization", "Bearer " + TOKENS.mint("hospital-portal", "kameda-hospital"))
                        .content(body))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString())
                .contains("IMPORT_REJECTED")
                .contains("\"line\":4")
                .contains("\"attribute\":\"flag\"");
    }

    private ImportReport rejected(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> importer.importFile(file, file.getFileName().toString(), line -> {}));
        assertThat(thrown).isInstanceOf(ImportRejectedException.class);
        return ((ImportRejectedException) thrown).report();
    }

    /** A test extract with its patient numbers renamed (each test its own patients: one database for all). */
    private static Path extract(String name, String... renames) throws Exception {
        String xml = new String(
                HospitalImportTest.class
                        .getResourceAsStream("/extracts/" + name)
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < renames.length; i += 2) {
            xml = xml.replace(renames[i], renames[i + 1]);
        }
        Path file = Files.createTempFile("extract", ".xml");
        Files.writeString(file, xml);
        return file;
    }

    private int patients(String number) {
        return jdbc.sql("SELECT count(*) FROM patient WHERE patient_number = :n")
                .param("n", number)
                .query(Integer.class)
                .single();
    }

    private int count(String table, String number) {
        return jdbc.sql("SELECT count(*) FROM " + table + " t JOIN patient p ON p.id = t.patient_id "
                        + "WHERE p.patient_number = :n")
                .param("n", number)
                .query(Integer.class)
                .single();
    }

    private List<Long> ids(String number) {
        return jdbc.sql("SELECT v.id FROM visit v JOIN patient p ON p.id = v.patient_id "
                        + "WHERE p.patient_number = :n ORDER BY v.id")
                .param("n", number)
                .query(Long.class)
                .list();
    }
}
