package org.sscard.adapters.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sscard.adapters.provider.Provider;

/**
 * The first pass over a file, before anything is written: its SHA-256, its charset (UTF-8 if it decodes as UTF-8,
 * else Shift_JIS as windows-31j, unless the caller said which), every bad value, and the coverage keys.
 */
final class Validation {

    static final int MAX_ERRORS = 1000;
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    Charset charset;
    String sha256;
    long rows;
    long errorCount;
    final List<RowError> errors = new ArrayList<>();
    final Set<List<String>> keys = new HashSet<>();

    private Validation() {
    }

    static Validation run(Path file, Charset given, ImportSpec spec, Provider provider, ImportProgress progress,
                          int every) throws IOException {
        if (given != null) {
            return pass(file, given, false, spec, provider, progress, every);
        }
        try {
            return pass(file, StandardCharsets.UTF_8, true, spec, provider, progress, every);
        } catch (CharacterCodingException notUtf8) {
            return pass(file, SHIFT_JIS, false, spec, provider, progress, every);
        }
    }

    private static Validation pass(Path file, Charset charset, boolean guessing, ImportSpec spec, Provider provider,
                                   ImportProgress progress, int every) throws IOException {
        Validation result = new Validation();
        result.charset = charset;
        MessageDigest digest = sha256();
        Map<List<String>, Long> unique = new HashMap<>();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                digest); Rows rows = new Rows(in, charset, spec, provider)) {
            rows.headerErrors().forEach(result::add);
            while (rows.headerErrors().isEmpty() && rows.next()) {
                result.rows++;
                if (result.rows % every == 0) {
                    progress.rows("checked", result.rows);
                }
                if (rows.row() == null) {
                    rows.errors().forEach(result::add);
                    continue;
                }
                String[] row = rows.row();
                result.keys.add(List.copyOf(Arrays.asList(row).subList(0, spec.coverageWidth())));
                if (spec.uniqueWidth() > 0) {
                    Long earlier = unique.putIfAbsent(List.copyOf(Arrays.asList(row).subList(0, spec.uniqueWidth())),
                            rows.line());
                    if (earlier != null) {
                        result.add(new RowError(rows.line(), spec.columns().get(0).name(),
                                "行" + earlier + "と重複しています / duplicates line " + earlier));
                    }
                }
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (CsvReader.MalformedCsv e) {
            result.add(new RowError(e.line, "-", e.getMessage()));
        } catch (CharacterCodingException e) {
            if (guessing) {
                throw e;
            }
            result.add(new RowError(result.rows + 2, "-", "文字コードが違います / cannot be decoded as "
                    + charset.name() + (charset.equals(SHIFT_JIS) ? " (neither UTF-8 nor Shift_JIS)" : "")));
            result.sha256 = "";
            return result;
        }
        progress.rows("checked", result.rows);
        result.sha256 = HexFormat.of().formatHex(digest.digest());
        return result;
    }

    private void add(RowError error) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
