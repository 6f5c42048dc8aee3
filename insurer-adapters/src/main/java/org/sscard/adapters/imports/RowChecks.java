package org.sscard.adapters.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the one pass over a file collects: bad values (the first 1 000 kept, all counted) and coverage keys. */
final class RowChecks {

    static final int MAX_ERRORS = 1000;

    private final ImportSpec spec;
    private final List<RowError> errors = new ArrayList<>();
    private final Set<List<String>> keys = new HashSet<>();
    private final Map<List<String>, Long> unique = new HashMap<>();
    private long errorCount;

    RowChecks(ImportSpec spec) {
        this.spec = spec;
    }

    void add(RowError error) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }

    /** Records a good row's keys; false (and an error) when it repeats a key that must be unique in the file. */
    boolean accept(String[] row, long line) {
        if (spec.uniqueWidth() > 0) {
            Long earlier = unique.putIfAbsent(List.copyOf(Arrays.asList(row).subList(0, spec.uniqueWidth())), line);
            if (earlier != null) {
                add(new RowError(
                        line, spec.columns().get(0).name(), "行" + earlier + "と重複しています / duplicates line " + earlier));
                return false;
            }
        }
        keys.add(List.copyOf(Arrays.asList(row).subList(0, spec.coverageWidth())));
        return true;
    }

    long errorCount() {
        return errorCount;
    }

    List<RowError> errors() {
        return errors;
    }

    Set<List<String>> keys() {
        return keys;
    }
}
