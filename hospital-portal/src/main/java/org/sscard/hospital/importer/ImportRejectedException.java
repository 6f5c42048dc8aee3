package org.sscard.hospital.importer;

/** The extract had errors; nothing of it was loaded. */
public class ImportRejectedException extends RuntimeException {

    private final transient ImportReport report;

    ImportRejectedException(ImportReport report) {
        super(report.errors().size() + " error(s) in " + report.file() + "; nothing was loaded");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
