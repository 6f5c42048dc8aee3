package org.sscard.console.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * insurer-adapters' report of one CSV import, all or nothing: {@code IMPORTED} (every row accepted), {@code UNCHANGED}
 * (this very file was imported before) or {@code REJECTED} (nothing loaded; each bad value by line and column).
 */
public record ImportReport(
        String status,
        String kind,
        String fileName,
        String sha256,
        String charset,
        long rows,
        long covered,
        long replaced,
        long errorCount,
        List<RowError> errors) {

    public ImportReport {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One bad value: the line its record starts on (the header is line 1; 0: the file as a whole), column, why. */
    public record RowError(long line, String column, String reason) {}

    /** One rejected line and all its problems. */
    public record RejectedRow(long line, List<RowError> problems) {}

    public boolean accepted() {
        return !"REJECTED".equals(status);
    }

    /** The bad values grouped by line, in the file's order. */
    public List<RejectedRow> rejectedRows() {
        Map<Long, List<RowError>> byLine = new LinkedHashMap<>();
        for (RowError error : errors) {
            byLine.computeIfAbsent(error.line(), line -> new ArrayList<>()).add(error);
        }
        return byLine.entrySet().stream()
                .map(e -> new RejectedRow(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** Whether insurer-adapters listed fewer bad values than it counted (it lists a bounded number). */
    public boolean truncated() {
        return errorCount > errors.size();
    }
}
