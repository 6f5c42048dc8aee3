package org.sscard.adapters.pages;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates as residents read them: the Japanese era first (令和/平成/昭和, the first year of an era as 元年), the
 * Western year beside it; amounts in yen with separators. Used by the pages as {@code @era}.
 */
@Component("era")
public class EraDates {

    public String date(LocalDate date) {
        if (date == null) {
            return "―";
        }
        return eraYear(date) + date.getMonthValue() + "月" + date.getDayOfMonth() + "日 (" + date + ")";
    }

    /** {@code month}: any day of the month. */
    public String month(LocalDate month) {
        return eraYear(month) + month.getMonthValue() + "月 (" + month.getYear() + "年" + month.getMonthValue() + "月)";
    }

    /** A calendar year by the era of its last day (2019 is 令和元年), as tax returns name it. */
    public String year(int year) {
        return eraYear(LocalDate.of(year, 12, 31)) + " (" + year + "年)";
    }

    public String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }

    private static String eraYear(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        return japanese.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : year) + "年";
    }
}
