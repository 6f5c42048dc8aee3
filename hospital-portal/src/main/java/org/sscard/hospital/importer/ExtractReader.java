package org.sscard.hospital.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sscard.common.xml.SecureXml;
import org.sscard.hospital.records.PatientRecords.LabResult;
import org.sscard.hospital.records.PatientRecords.Prescription;
import org.sscard.hospital.records.PatientRecords.Report;
import org.sscard.hospital.records.PatientRecords.Visit;

/**
 * Pass two: the schema-valid extract streamed (StAX, no DTD, no external entities) one patient block at a time,
 * with the rules a schema cannot say — the extract is for this provider, a discharge date only on an inpatient
 * stay and not before its admission, nothing dated after the extract was generated. Errors go to {@code errors}
 * with their line; every patient block goes to {@code patients} (the caller loads nothing if any error came).
 */
final class ExtractReader {

    private final String providerKey;
    private final Consumer<ImportError> errors;
    private XMLStreamReader xml;
    private LocalDate generatedOn;

    ExtractReader(String providerKey, Consumer<ImportError> errors) {
        this.providerKey = providerKey;
        this.errors = errors;
    }

    void read(Path file, Consumer<PatientExtract> patients) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            xml = SecureXml.streamReader(in);
            PatientBuilder patient = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    if (xml.getEventType() == XMLStreamConstants.END_ELEMENT
                            && "patient".equals(xml.getLocalName())
                            && patient != null) {
                        patients.accept(patient.build());
                        patient = null;
                    }
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "hospitalExtract" -> root();
                    case "patient" ->
                        patient = new PatientBuilder(attr("number"), token("nameKanji"), token("nameKana"));
                    case "visit" -> patient.visits.add(visit());
                    case "prescription" ->
                        patient.prescriptions.add(new Prescription(
                                date("date"),
                                token("drug"),
                                token("dose"),
                                Integer.parseInt(attr("days")),
                                token("prescriber")));
                    case "labResult" ->
                        patient.labResults.add(new LabResult(
                                date("date"),
                                token("item"),
                                token("value"),
                                token("unit"),
                                token("referenceRange"),
                                attr("flag")));
                    case "report" -> {
                        LocalDate date = date("date");
                        String type = token("type");
                        patient.reports.add(
                                new Report(type, date, xml.getElementText().strip()));
                    }
                    default -> error(null, "unexpected element");
                }
            }
        } catch (XMLStreamException e) {
            errors.accept(new ImportError(0, 0, "", null, "not readable as XML: " + e.getMessage()));
        }
    }

    private void root() {
        if (!providerKey.equals(attr("provider"))) {
            error("provider", "the extract is for '" + attr("provider") + "', this portal is '" + providerKey + "'");
        }
        generatedOn = OffsetDateTime.parse(attr("generatedAt")).toLocalDate();
    }

    private Visit visit() {
        LocalDate date = date("date");
        LocalDate discharge = attr("dischargeDate") == null ? null : date("dischargeDate");
        String type = "inpatient".equals(attr("type")) ? "INPATIENT" : "OUTPATIENT";
        if (discharge != null && "OUTPATIENT".equals(type)) {
            error("dischargeDate", "an outpatient visit has no discharge date");
        } else if (discharge != null && discharge.isBefore(date)) {
            error("dischargeDate", "the discharge date " + discharge + " is before the visit date " + date);
        }
        return new Visit(date, token("department"), token("doctor"), type, discharge);
    }

    private LocalDate date(String name) {
        LocalDate date = LocalDate.parse(attr(name));
        if (generatedOn != null && date.isAfter(generatedOn.plusDays(1))) {
            error(name, date + " is after the extract was generated (" + generatedOn + ")");
        }
        return date;
    }

    private String attr(String name) {
        return xml.getAttributeValue(null, name);
    }

    /** xs:token: whitespace collapsed, as the schema compared it. */
    private String token(String name) {
        String value = attr(name);
        return value == null ? null : value.strip().replaceAll("\\s+", " ");
    }

    private void error(String attribute, String reason) {
        errors.accept(new ImportError(
                xml.getLocation().getLineNumber(),
                xml.getLocation().getColumnNumber(),
                xml.getLocalName(),
                attribute,
                reason));
    }

    private static final class PatientBuilder {
        private final String number;
        private final String nameKanji;
        private final String nameKana;
        private final List<Visit> visits = new ArrayList<>();
        private final List<Prescription> prescriptions = new ArrayList<>();
        private final List<LabResult> labResults = new ArrayList<>();
        private final List<Report> reports = new ArrayList<>();

        PatientBuilder(String number, String nameKanji, String nameKana) {
            this.number = number;
            this.nameKanji = nameKanji;
            this.nameKana = nameKana;
        }

        PatientExtract build() {
            return new PatientExtract(number, nameKanji, nameKana, visits, prescriptions, labResults, reports);
        }
    }
}
