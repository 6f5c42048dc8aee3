package org.sscard.hospital.importer;

/** The extract is larger than an import may be ({@link ImportLimits#maxFileSize}); nothing of it was read. */
public class ImportTooLargeException extends ImportRejectedException {

    ImportTooLargeException(ImportReport report) {
        super(report);
    }
}
