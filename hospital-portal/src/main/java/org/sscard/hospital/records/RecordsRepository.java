package org.sscard.hospital.records;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.hospital.records.PatientRecords.LabResult;
import org.sscard.hospital.records.PatientRecords.Prescription;
import org.sscard.hospital.records.PatientRecords.Report;
import org.sscard.hospital.records.PatientRecords.Visit;

/** Reads one patient's records; every query is bound to that patient's number and nothing else. */
@Repository
class RecordsRepository {

    private final JdbcClient jdbc;

    RecordsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PatientRecords find(String patientNumber) {
        Optional<Long> id = jdbc.sql("SELECT id FROM patient WHERE patient_number = :n")
                .param("n", patientNumber)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return PatientRecords.none(patientNumber);
        }
        long patient = id.get();
        String name = jdbc.sql("SELECT name_kanji FROM patient WHERE id = :id")
                .param("id", patient)
                .query(String.class)
                .optional()
                .orElse(null);
        var visits = jdbc.sql("""
                        SELECT visit_date, department, doctor, visit_type, discharge_date FROM visit
                        WHERE patient_id = :id ORDER BY visit_date DESC, id""")
                .param("id", patient)
                .query((rs, n) -> new Visit(
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .list();
        var prescriptions = jdbc.sql("""
                        SELECT prescribed_on, drug, dose, days, prescriber FROM prescription
                        WHERE patient_id = :id ORDER BY prescribed_on DESC, id""")
                .param("id", patient)
                .query((rs, n) -> new Prescription(
                        rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
        var labs = jdbc.sql("""
                        SELECT taken_on, item, value, unit, reference_range, flag FROM lab_result
                        WHERE patient_id = :id ORDER BY taken_on DESC, id""")
                .param("id", patient)
                .query((rs, n) -> new LabResult(
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        var reports = jdbc.sql("""
                        SELECT report_type, report_date, body FROM report
                        WHERE patient_id = :id ORDER BY report_date DESC, id""")
                .param("id", patient)
                .query((rs, n) -> new Report(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                .list();
        return new PatientRecords(patientNumber, name, visits, prescriptions, labs, reports);
    }
}
