package org.sscard.adapters.dependants;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.ImportReport;
import org.sscard.adapters.imports.Importer;

/**
 * Kameda Kenpo households for the tests, loaded through the ordinary eligibility import: an insured person (branch
 * 00) and dependants (01, 02, …), each test with a number of its own so that tests never see each other's rows.
 */
final class TestHouseholds {

    static final String KENPO = "kameda-kenpo";
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 1000) * 10);
    private static final String HEADER = "insurer_number,symbol,number,branch,relationship,name_kanji,name_kana,"
            + "date_of_birth,sex,acquired_on,copay,valid_from";

    private TestHouseholds() {}

    /** A fresh household number (7 digits, never a demo one). */
    static String newNumber() {
        return Integer.toString(7_000_000 + NUMBERS.incrementAndGet());
    }

    static String localId(String number, String branch) {
        return "06139999|10|" + number + "|" + branch;
    }

    /** The insured 天津 一郎 and the given dependants' given names (kanji), kana generated, born in the 2000s. */
    static void load(Importer importer, String number, String... dependants) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("06139999,10," + number + ",00,本人,天津 一郎,アマツ イチロウ,1975-07-21,男,1998-04-01,3割,2024-04-01");
        for (int i = 0; i < dependants.length; i++) {
            lines.add(String.format(
                    "06139999,10,%s,%02d,家族,天津 %s,アマツ %s,%d-02-14,女,2003-06-01,3割,2024-04-01",
                    number, i + 1, dependants[i], KANA.get(i % KANA.size()), 2000 + i));
        }
        run(importer, lines);
    }

    private static final List<String> KANA = List.of("サクラ", "ハルト", "ミオ");

    private static void run(Importer importer, List<String> lines) {
        try {
            Path file = Files.createTempFile("dependants", ".csv");
            Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(UTF_8));
            ImportReport report = importer.run(KENPO, "eligibility", file, "e.csv", null, "test", ImportProgress.NONE);
            if (report.status() == ImportReport.Status.REJECTED) {
                throw new IllegalStateException(report.describe());
            }
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
