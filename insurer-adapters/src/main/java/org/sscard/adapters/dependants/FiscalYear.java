package org.sscard.adapters.dependants;

import java.time.Clock;
import java.time.LocalDate;
import org.sscard.common.time.PlatformDates;

/** Japan's fiscal year (年度), April to March, named by the year it starts in; dates are Japan's. */
final class FiscalYear {

    private FiscalYear() {}

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), PlatformDates.ZONE);
    }

    static int of(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }
}
