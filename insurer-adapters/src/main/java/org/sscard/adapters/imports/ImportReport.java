package org.sscard.adapters.imports;

import java.util.List;

/**
 * What an import did. {@code IMPORTED}: the file's rows replaced what it covers; {@code UNCHANGED}: this very file
 * (same SHA-256) was imported before, nothing was written; {@code REJECTED}: at least one bad row, nothing was
 * written, every bad value is listed (up to {@link RowChecks#MAX_ERRORS}; {@code errorCount} counts them all).
 */
public record ImportReport(
        Status status,
        String provider,
        String kind,
        String fileName,
        String sha256,
        String charset,
        long rows,
        long covered,
        long replaced,
        long errorCount,
        List<RowError> errors) {

    public enum Status {
        IMPORTED,
        UNCHANGED,
        REJECTED
    }

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** One line per bad value, then a summary line: what the CLI prints. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (RowError error : errors) {
            out.append(fileName)
                    .append(':')
                    .append(error.line())
                    .append(": ")
                    .append(error.column())
                    .append(": ")
                    .append(error.reason())
                    .append('\n');
        }
        out.append(
                switch (status) {
                    case IMPORTED ->
                        "取り込みました / imported " + rows + " rows (" + charset + "), covering " + covered
                                + " keys, replacing " + replaced + " earlier rows";
                    case UNCHANGED -> "取り込み済みです / already imported (same SHA-256), nothing changed";
                    case REJECTED -> "取り込みませんでした / rejected: " + errorCount + " bad values, nothing was loaded";
                });
        return out.append(" [")
                .append(provider)
                .append(' ')
                .append(kind)
                .append(' ')
                .append(sha256)
                .append(']')
                .toString();
    }
}
