package org.sscard.adapters.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Pattern;

/** How one CSV value is read: normalised, checked, and returned as the text stored (in COPY's text form). */
@FunctionalInterface
interface Field {

    String read(String raw) throws InvalidValue;

    Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})|(\\d{4})(\\d{2})(\\d{2})");
    Pattern MONTH = Pattern.compile("(\\d{4})[-/](\\d{1,2})|(\\d{4})(\\d{2})");
    Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

    static Field text(int maxLength) {
        return raw -> {
            String value = Text.normal(raw);
            if (value.length() > maxLength) {
                throw new InvalidValue("長すぎます / longer than " + maxLength + " characters");
            }
            return value;
        };
    }

    static Field kanjiName() {
        return raw -> {
            String value = Text.kanjiName(raw);
            if (value.length() > 60) {
                throw new InvalidValue("長すぎます / longer than 60 characters");
            }
            return value;
        };
    }

    /** Katakana, up to 60 characters as stored (as the kanji name; the relay takes at most 100). */
    static Field kana() {
        return raw -> {
            String value = Text.kana(raw);
            if (!Text.isKatakana(value)) {
                throw new InvalidValue("カナではありません / not kana");
            }
            if (value.length() > 60) {
                throw new InvalidValue("長すぎます / longer than 60 characters");
            }
            return value;
        };
    }

    static Field pattern(String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return raw -> {
            String value = Text.normal(raw);
            if (!pattern.matcher(value).matches()) {
                throw new InvalidValue("形式が違います / expected " + expected);
            }
            return value;
        };
    }

    /** Like {@link #pattern} with a hand-written test, for the columns every row of a large file has. */
    static Field matching(java.util.function.Predicate<String> test, String expected) {
        return raw -> {
            String value = Text.normal(raw);
            if (!test.test(value)) {
                throw new InvalidValue("形式が違います / expected " + expected);
            }
            return value;
        };
    }

    /** Only the characters allowed, between 1 and {@code max} of them. */
    static java.util.function.Predicate<String> chars(java.util.function.IntPredicate allowed, int min, int max) {
        return value ->
                value.length() >= min && value.length() <= max && value.chars().allMatch(allowed);
    }

    /**
     * 仮社会保障番号: 12 digits; full-width digits (NFKC), hyphens, dashes and spaces between the groups are dropped
     * ({@code 1000-0000-0001}, {@code １０００－００００－０００１}).
     */
    static Field provisionalSsn() {
        return raw -> {
            String value = Text.provisionalSsn(raw);
            if (value == null) {
                throw new InvalidValue("形式が違います / expected 12 digits");
            }
            return value;
        };
    }

    static Field date() {
        return raw -> {
            var m = DATE.matcher(Text.normal(raw));
            if (!m.matches()) {
                throw new InvalidValue("日付ではありません / not a date (yyyy-mm-dd)");
            }
            try {
                return m.group(1) != null
                        ? LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)))
                                .toString()
                        : LocalDate.of(num(m.group(4)), num(m.group(5)), num(m.group(6)))
                                .toString();
            } catch (DateTimeException e) {
                throw new InvalidValue("存在しない日付です / no such date");
            }
        };
    }

    /** A month, stored as its first day. */
    static Field month() {
        return raw -> {
            String value = Text.normal(raw);
            if (value.length() == 7
                    && value.charAt(4) == '-'
                    && isWholeNumber(value.substring(0, 4))
                    && isWholeNumber(value.substring(5))) {
                int month = num(value.substring(5));
                if (month >= 1 && month <= 12) {
                    return value + "-01";
                }
            }
            var m = MONTH.matcher(value);
            try {
                if (m.matches()) {
                    return (m.group(1) != null
                                    ? YearMonth.of(num(m.group(1)), num(m.group(2)))
                                    : YearMonth.of(num(m.group(3)), num(m.group(4))))
                            .atDay(1)
                            .toString();
                }
            } catch (DateTimeException e) {
                // falls through to the same reason
            }
            throw new InvalidValue("年月ではありません / not a month (yyyy-mm)");
        };
    }

    /** A whole number in a range; thousands separators are allowed. */
    static Field integer(long min, long max) {
        return raw -> {
            String value = Text.normal(raw);
            if (value.indexOf(',') >= 0) {
                value = value.replace(",", "");
            }
            if (!isWholeNumber(value)) {
                throw new InvalidValue("整数ではありません / not a whole number");
            }
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new InvalidValue("範囲外です / outside " + min + "–" + max);
            }
            return Long.toString(number);
        };
    }

    static Field decimal() {
        return raw -> {
            String value = Text.normal(raw).replace(",", "");
            if (!DECIMAL.matcher(value).matches()) {
                throw new InvalidValue("数値ではありません / not a number");
            }
            return new java.math.BigDecimal(value).toPlainString();
        };
    }

    /** One of a closed set of codes; each accepted spelling (Japanese or English, any case) maps to the code. */
    static Field oneOf(Map<String, String> spellings) {
        return raw -> {
            String code = spellings.get(Text.normal(raw).toUpperCase(java.util.Locale.ROOT));
            if (code == null) {
                throw new InvalidValue(
                        "使えない値です / one of " + String.join(", ", new java.util.TreeSet<>(spellings.values())));
            }
            return code;
        };
    }

    /** Up to 15 digits, optionally negative (checked by hand: a regex per value is the import's hot spot). */
    private static boolean isWholeNumber(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        if (value.length() == start || value.length() - start > 15) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
