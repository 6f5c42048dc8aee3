package org.sscard.hospital.importer;

import java.util.List;

/**
 * What an import did: the file (name and SHA-256), how many patient blocks it held, how many of them replaced the
 * stored records and how many were already identical (and left untouched); or, when rejected, every error.
 */
public record ImportReport(
        String file, String sha256, int patients, int replaced, int unchanged, List<ImportError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    static ImportReport rejected(String file, String sha256, List<ImportError> errors) {
        return new ImportReport(file, sha256, 0, 0, 0, errors);
    }
}
