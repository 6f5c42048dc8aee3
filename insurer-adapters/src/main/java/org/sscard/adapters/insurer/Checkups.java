package org.sscard.adapters.insurer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 健診: every checkup (newest first) and, for each numeric item, its values over the years (oldest first). */
public record Checkups(List<Checkup> checkups, List<Trend> trends) {

    public record Checkup(LocalDate checkedOn, String program, List<Item> items) {}

    /** {@code flag}: N normal, H above, L below the reference range, A abnormal finding. */
    public record Item(
            String code,
            String nameJa,
            String nameEn,
            String value,
            BigDecimal valueNum,
            String unit,
            BigDecimal refLow,
            BigDecimal refHigh,
            String flag) {}

    public record Trend(String code, String nameJa, String nameEn, String unit, List<Point> points) {}

    public record Point(LocalDate checkedOn, BigDecimal value, String flag) {}
}
