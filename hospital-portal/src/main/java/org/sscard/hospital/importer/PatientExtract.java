package org.sscard.hospital.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.sscard.hospital.records.PatientRecords.LabResult;
import org.sscard.hospital.records.PatientRecords.Prescription;
import org.sscard.hospital.records.PatientRecords.Report;
import org.sscard.hospital.records.PatientRecords.Visit;

/** One {@code <patient>} block of an extract: everything the portal will hold for that patient number. */
record PatientExtract(
        String number,
        String nameKanji,
        String nameKana,
        List<Visit> visits,
        List<Prescription> prescriptions,
        List<LabResult> labResults,
        List<Report> reports) {

    PatientExtract {
        visits = List.copyOf(visits);
        prescriptions = List.copyOf(prescriptions);
        labResults = List.copyOf(labResults);
        reports = List.copyOf(reports);
    }

    /** A digest of the content (records are compared by value): an identical re-send rewrites nothing. */
    String contentSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // records' toString lists every component; a separator that cannot occur in XML text keeps fields apart
            String canonical = String.join(
                    "\u0000",
                    number,
                    String.valueOf(nameKanji),
                    String.valueOf(nameKana),
                    visits.toString(),
                    prescriptions.toString(),
                    labResults.toString(),
                    reports.toString());
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
