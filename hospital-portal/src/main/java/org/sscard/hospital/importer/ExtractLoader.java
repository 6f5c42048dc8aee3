package org.sscard.hospital.importer;

import java.sql.Date;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one patient block inside the import's transaction: the patient's stored records are replaced by the
 * block's, unless they are already identical (same content digest), in which case nothing is written.
 */
@Component
class ExtractLoader {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ExtractLoader(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Serialises imports: two files touching one patient must not interleave. Released at commit or rollback. */
    void lockImports() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sscard-hospital-import'))")
                .query(Object.class)
                .single();
    }

    /** True if the patient's records were replaced, false if they were already identical. */
    boolean apply(PatientExtract patient) {
        String digest = patient.contentSha256();
        Optional<String> stored = jdbc.sql("SELECT content_sha256 FROM patient WHERE patient_number = :n FOR UPDATE")
                .param("n", patient.number())
                .query(String.class)
                .optional();
        if (stored.isPresent() && stored.get().equals(digest)) {
            return false;
        }
        long id = jdbc.sql("""
                        INSERT INTO patient (patient_number, name_kanji, name_kana, content_sha256)
                        VALUES (:n, :kanji, :kana, :digest)
                        ON CONFLICT (patient_number) DO UPDATE SET name_kanji = excluded.name_kanji,
                            name_kana = excluded.name_kana, content_sha256 = excluded.content_sha256,
                            imported_at = now()
                        RETURNING id""")
                .param("n", patient.number())
                .param("kanji", patient.nameKanji())
                .param("kana", patient.nameKana())
                .param("digest", digest)
                .query(Long.class)
                .single();
        for (String table : new String[] {"visit", "prescription", "lab_result", "report"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE patient_id = :id")
                    .param("id", id)
                    .update();
        }
        batch.batchUpdate(
                """
                INSERT INTO visit (patient_id, visit_date, department, doctor, visit_type, discharge_date)
                VALUES (?, ?, ?, ?, ?, ?)""",
                patient.visits().stream()
                        .map(v -> new Object[] {
                            id,
                            Date.valueOf(v.date()),
                            v.department(),
                            v.doctor(),
                            v.type(),
                            v.dischargeDate() == null ? null : Date.valueOf(v.dischargeDate())
                        })
                        .toList());
        batch.batchUpdate(
                """
                INSERT INTO prescription (patient_id, prescribed_on, drug, dose, days, prescriber)
                VALUES (?, ?, ?, ?, ?, ?)""",
                patient.prescriptions().stream()
                        .map(p ->
                                new Object[] {id, Date.valueOf(p.date()), p.drug(), p.dose(), p.days(), p.prescriber()})
                        .toList());
        batch.batchUpdate(
                """
                INSERT INTO lab_result (patient_id, taken_on, item, value, unit, reference_range, flag)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                patient.labResults().stream()
                        .map(l -> new Object[] {
                            id, Date.valueOf(l.date()), l.item(), l.value(), l.unit(), l.referenceRange(), l.flag()
                        })
                        .toList());
        batch.batchUpdate(
                """
                INSERT INTO report (patient_id, report_type, report_date, body) VALUES (?, ?, ?, ?)""",
                patient.reports().stream()
                        .map(r -> new Object[] {id, r.type(), Date.valueOf(r.date()), r.text()})
                        .toList());
        return true;
    }

    void recordRun(ImportReport report, java.time.Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO import_run (file_name, sha256, started_at, patients, replaced, unchanged)
                        VALUES (:file, :sha, :started, :patients, :replaced, :unchanged)""")
                .param("file", report.file())
                .param("sha", report.sha256())
                .param("started", java.sql.Timestamp.from(startedAt))
                .param("patients", report.patients())
                .param("replaced", report.replaced())
                .param("unchanged", report.unchanged())
                .update();
    }
}
