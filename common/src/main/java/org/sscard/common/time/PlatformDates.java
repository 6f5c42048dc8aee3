package org.sscard.common.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's one way to write a date or a time for people, on every page and in every PDF:
 *
 * <ul>
 *   <li>Japanese: the era first, the Western year beside it: {@code 令和8年（2026年）1月10日}; the first year of an era is
 *       written {@code 元年}, as residents and official forms write it ({@code 令和元年（2019年）5月1日});
 *   <li>English: {@code 10 January 2026 (Reiwa 8)}, the first year as {@code Reiwa 1};
 *   <li>times: 24-hour, in Japan's time zone (Asia/Tokyo) and saying so: {@code 14:05 JST}.
 * </ul>
 *
 * Eras change on the day (平成 ends on 30 April 2019, 令和 starts on 1 May 2019). A month or a calendar year is named
 * by the era of its last day (2019 is 令和元年, as tax returns name it). Dates before the calendar reform (1873) have
 * no era here and are written with the Western year only. {@code null} is written {@code ―}. Stateless: one instance
 * serves a whole service, e.g. as the {@code @dates} bean of its templates.
 */
public final class PlatformDates {

    /** The platform's time zone, for every date or time shown to a person. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** What a missing date is shown as. */
    public static final String NONE = "―";

    // Japan Standard Time has had no daylight saving since 1951: the abbreviation never changes
    private static final String ZONE_NAME = "JST";

    // spelled out, not taken from the JDK's locale data, which has changed between releases
    private static final Map<JapaneseEra, String> JAPANESE_NAMES = Map.of(
            JapaneseEra.MEIJI, "明治",
            JapaneseEra.TAISHO, "大正",
            JapaneseEra.SHOWA, "昭和",
            JapaneseEra.HEISEI, "平成",
            JapaneseEra.REIWA, "令和");
    private static final Map<JapaneseEra, String> ENGLISH_NAMES = Map.of(
            JapaneseEra.MEIJI, "Meiji",
            JapaneseEra.TAISHO, "Taishō",
            JapaneseEra.SHOWA, "Shōwa",
            JapaneseEra.HEISEI, "Heisei",
            JapaneseEra.REIWA, "Reiwa");

    /** {@code 令和8年（2026年）1月10日} */
    public String japanese(LocalDate date) {
        if (date == null) {
            return NONE;
        }
        return japaneseYear(date) + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 10 January 2026 (Reiwa 8)} */
    public String english(LocalDate date) {
        if (date == null) {
            return NONE;
        }
        return date.getDayOfMonth() + " " + englishMonthYear(date) + englishEra(date);
    }

    /** The month of {@code date} (any day of it): {@code 令和7年（2025年）3月}. */
    public String japaneseMonth(LocalDate date) {
        if (date == null) {
            return NONE;
        }
        LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
        return japaneseYear(last) + date.getMonthValue() + "月";
    }

    /** The month of {@code date} (any day of it): {@code March 2025 (Reiwa 7)}. */
    public String englishMonth(LocalDate date) {
        if (date == null) {
            return NONE;
        }
        return englishMonthYear(date) + englishEra(date.withDayOfMonth(date.lengthOfMonth()));
    }

    /** A calendar year: {@code 令和6年（2024年）}. */
    public String japaneseYear(int year) {
        return japaneseYear(LocalDate.of(year, 12, 31));
    }

    /** A calendar year: {@code 2024 (Reiwa 6)}. */
    public String englishYear(int year) {
        return year + englishEra(LocalDate.of(year, 12, 31));
    }

    /** The time of day in Japan: {@code 14:05 JST}. */
    public String time(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(ZONE);
        return String.format(Locale.ROOT, "%02d:%02d %s", local.getHour(), local.getMinute(), ZONE_NAME);
    }

    /** {@code 令和8年（2026年）1月10日 14:05 JST}: the date is the date in Japan. */
    public String japaneseDateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return japanese(LocalDate.ofInstant(instant, ZONE)) + " " + time(instant);
    }

    /** {@code 10 January 2026 (Reiwa 8) 14:05 JST}: the date is the date in Japan. */
    public String englishDateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return english(LocalDate.ofInstant(instant, ZONE)) + " " + time(instant);
    }

    /** {@code 令和8年（2026年）}, or {@code 1872年} before the eras. */
    private static String japaneseYear(LocalDate date) {
        JapaneseDate japanese = japaneseDate(date);
        if (japanese == null) {
            return date.getYear() + "年";
        }
        int yearOfEra = japanese.get(ChronoField.YEAR_OF_ERA);
        return eraName(japanese.getEra(), JAPANESE_NAMES, Locale.JAPANESE)
                + (yearOfEra == 1 ? "元" : String.valueOf(yearOfEra))
                + "年（" + date.getYear() + "年）";
    }

    private static String englishMonthYear(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getYear();
    }

    /** {@code " (Reiwa 8)"}, or nothing before the eras. */
    private static String englishEra(LocalDate date) {
        JapaneseDate japanese = japaneseDate(date);
        if (japanese == null) {
            return "";
        }
        return " (" + eraName(japanese.getEra(), ENGLISH_NAMES, Locale.ENGLISH) + " "
                + japanese.get(ChronoField.YEAR_OF_ERA) + ")";
    }

    private static String eraName(JapaneseEra era, Map<JapaneseEra, String> names, Locale locale) {
        String name = names.get(era);
        // an era proclaimed after this code was written: the JDK that knows it also knows its name
        return name != null ? name : era.getDisplayName(TextStyle.FULL, locale);
    }

    private static JapaneseDate japaneseDate(LocalDate date) {
        try {
            return JapaneseDate.from(date);
        } catch (DateTimeException before1873) {
            return null;
        }
    }
}
