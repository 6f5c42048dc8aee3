package org.sscard.hospital.records;

import java.time.LocalDate;
import java.util.List;

/** One patient's records as the portal shows them, newest first. */
public record PatientRecords(
        String patientNumber,
        String name,
        List<Visit> visits,
        List<Prescription> prescriptions,
        List<LabResult> labResults,
        List<Report> reports) {

    public PatientRecords {
        visits = List.copyOf(visits);
        prescriptions = List.copyOf(prescriptions);
        labResults = List.copyOf(labResults);
        reports = List.copyOf(reports);
    }

    static PatientRecords none(String patientNumber) {
        return new PatientRecords(patientNumber, null, List.of(), List.of(), List.of(), List.of());
    }

    /** {@code type}: OUTPATIENT or INPATIENT; {@code dischargeDate} for inpatient stays that ended. */
    public record Visit(LocalDate date, String department, String doctor, String type, LocalDate dischargeDate) {}

    public record Prescription(LocalDate date, String drug, String dose, int days, String prescriber) {}

    /** {@code flag}: H above, L below, N within the reference range. */
    public record LabResult(
            LocalDate date, String item, String value, String unit, String referenceRange, String flag) {}

    public record Report(String type, LocalDate date, String text) {}
}
