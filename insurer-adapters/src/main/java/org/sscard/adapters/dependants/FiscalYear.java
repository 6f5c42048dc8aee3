package org.sscard.adapters.dependants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.sscard.common.time.PlatformDates;

/** Japan's fiscal year (年度), April to March, named by the year it starts in; dates are Japan's. */
final class FiscalYear {

    private FiscalYear() {}

    /** Now, to the microsecond the database keeps: an answer shows the instant a later read shows. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static LocalDate today(Clock clock) {
        return day(clock.instant());
    }

    /** The day in Japan of an instant. */
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, PlatformDates.ZONE);
    }

    static int of(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }
}
