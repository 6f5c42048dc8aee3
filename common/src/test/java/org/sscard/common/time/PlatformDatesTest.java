package org.sscard.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class PlatformDatesTest {

    private final PlatformDates dates = new PlatformDates();

    @Test
    void writesTheIssuesExampleInJapaneseAndEnglish() {
        LocalDate date = LocalDate.of(2026, 1, 10);

        assertThat(dates.japanese(date)).isEqualTo("令和8年（2026年）1月10日");
        assertThat(dates.english(date)).isEqualTo("10 January 2026 (Reiwa 8)");
    }

    @Test
    void changesFromHeiseiToReiwaOnTheFirstOfMay2019() {
        assertThat(dates.japanese(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年（2019年）4月30日");
        assertThat(dates.english(LocalDate.of(2019, 4, 30))).isEqualTo("30 April 2019 (Heisei 31)");
        assertThat(dates.japanese(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年（2019年）5月1日");
        assertThat(dates.english(LocalDate.of(2019, 5, 1))).isEqualTo("1 May 2019 (Reiwa 1)");
        assertThat(dates.japanese(LocalDate.of(2020, 1, 1))).isEqualTo("令和2年（2020年）1月1日");
    }

    @Test
    void writesTheFirstYearOfEveryEraGannenInJapaneseAndOneInEnglish() {
        assertThat(dates.japanese(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年（1989年）1月7日");
        assertThat(dates.japanese(LocalDate.of(1989, 1, 8))).isEqualTo("平成元年（1989年）1月8日");
        assertThat(dates.english(LocalDate.of(1989, 1, 8))).isEqualTo("8 January 1989 (Heisei 1)");
        assertThat(dates.japanese(LocalDate.of(1926, 12, 24))).isEqualTo("大正15年（1926年）12月24日");
        assertThat(dates.japanese(LocalDate.of(1926, 12, 25))).isEqualTo("昭和元年（1926年）12月25日");
        assertThat(dates.english(LocalDate.of(1926, 12, 25))).isEqualTo("25 December 1926 (Shōwa 1)");
        assertThat(dates.japanese(LocalDate.of(1912, 7, 29))).isEqualTo("明治45年（1912年）7月29日");
        assertThat(dates.japanese(LocalDate.of(1912, 7, 30))).isEqualTo("大正元年（1912年）7月30日");
        assertThat(dates.english(LocalDate.of(1912, 7, 30))).isEqualTo("30 July 1912 (Taishō 1)");
    }

    @Test
    void writesDatesBeforeTheErasWithTheWesternYearOnly() {
        assertThat(dates.japanese(LocalDate.of(1873, 1, 1))).isEqualTo("明治6年（1873年）1月1日");
        assertThat(dates.japanese(LocalDate.of(1872, 12, 31))).isEqualTo("1872年12月31日");
        assertThat(dates.english(LocalDate.of(1872, 12, 31))).isEqualTo("31 December 1872");
    }

    @Test
    void namesAMonthAndAYearByTheEraOfTheirLastDay() {
        assertThat(dates.japaneseMonth(LocalDate.of(2025, 3, 1))).isEqualTo("令和7年（2025年）3月");
        assertThat(dates.englishMonth(LocalDate.of(2025, 3, 17))).isEqualTo("March 2025 (Reiwa 7)");
        assertThat(dates.japaneseMonth(LocalDate.of(2019, 4, 1))).isEqualTo("平成31年（2019年）4月");
        assertThat(dates.japaneseMonth(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年（2019年）5月");
        // January 1989 began in Shōwa 64 and ended in Heisei 1
        assertThat(dates.japaneseMonth(LocalDate.of(1989, 1, 1))).isEqualTo("平成元年（1989年）1月");
        assertThat(dates.englishMonth(LocalDate.of(1989, 1, 1))).isEqualTo("January 1989 (Heisei 1)");
        assertThat(dates.japaneseYear(2019)).isEqualTo("令和元年（2019年）");
        assertThat(dates.englishYear(2019)).isEqualTo("2019 (Reiwa 1)");
        assertThat(dates.japaneseYear(2024)).isEqualTo("令和6年（2024年）");
        assertThat(dates.englishYear(2018)).isEqualTo("2018 (Heisei 30)");
    }

    @Test
    void writesTimesIn24HoursInJapanWhateverTheServersZone() {
        TimeZone serverZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Instant afternoon = Instant.parse("2026-01-10T05:05:00Z");

            assertThat(dates.time(afternoon)).isEqualTo("14:05 JST");
            assertThat(dates.time(Instant.parse("2026-01-10T14:59:00Z"))).isEqualTo("23:59 JST");
            assertThat(dates.japaneseDateTime(afternoon)).isEqualTo("令和8年（2026年）1月10日 14:05 JST");
            assertThat(dates.englishDateTime(afternoon)).isEqualTo("10 January 2026 (Reiwa 8) 14:05 JST");
        } finally {
            TimeZone.setDefault(serverZone);
        }
    }

    @Test
    void takesTheDateInJapanNotInUtc() {
        // 15:30 UTC on 30 April 2019 is already 1 May in Japan: the first day of Reiwa
        Instant justAfterMidnightInTokyo = Instant.parse("2019-04-30T15:30:00Z");

        assertThat(dates.japaneseDateTime(justAfterMidnightInTokyo)).isEqualTo("令和元年（2019年）5月1日 00:30 JST");
        assertThat(dates.englishDateTime(justAfterMidnightInTokyo)).isEqualTo("1 May 2019 (Reiwa 1) 00:30 JST");
        assertThat(PlatformDates.ZONE.getId()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void writesAMissingDateAsADash() {
        assertThat(dates.japanese(null)).isEqualTo("―");
        assertThat(dates.english(null)).isEqualTo("―");
        assertThat(dates.japaneseMonth(null)).isEqualTo("―");
        assertThat(dates.englishMonth(null)).isEqualTo("―");
        assertThat(dates.time(null)).isEqualTo("―");
        assertThat(dates.japaneseDateTime(null)).isEqualTo("―");
        assertThat(dates.englishDateTime(null)).isEqualTo("―");
    }
}
