package org.sscard.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The insurer demo files the platform imported at start (insurer-adapters' {@code demo/**}), read here so that the
 * tests expect what the data says rather than numbers copied into them.
 */
final class DemoCsv {

    private static final Path DEMO = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("insurer-adapters/src/main/resources/demo");

    private DemoCsv() {}

    /** The data rows (header skipped) of {@code <provider>/<file>}, split on commas (the demo has no quoted commas). */
    static List<String[]> rows(String provider, String file) throws IOException {
        List<String> lines = Files.readAllLines(DEMO.resolve(provider).resolve(file), StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .toList();
    }

    /** The sum of one column over the rows that match, e.g. a resident's own share for a year. */
    static long sum(List<String[]> rows, Predicate<String[]> which, int column) {
        return rows.stream()
                .filter(which)
                .mapToLong(row -> Long.parseLong(row[column]))
                .sum();
    }

    static Predicate<String[]> insured(String number, String monthPrefix) {
        return row -> row[2].equals(number) && row[3].equals("00") && row[4].startsWith(monthPrefix);
    }

    static String yen(long amount) {
        return String.format("%,d", amount);
    }

    static String describe(String[] row) {
        return Arrays.toString(row);
    }
}
