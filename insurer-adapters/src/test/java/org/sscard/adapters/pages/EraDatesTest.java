package org.sscard.adapters.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EraDatesTest {

    private final EraDates era = new EraDates();

    @Test
    void showsTheEraWithTheWesternDateBeside() {
        assertThat(era.date(LocalDate.of(1958, 4, 12))).isEqualTo("昭和33年4月12日 (1958-04-12)");
        assertThat(era.date(LocalDate.of(2024, 5, 1))).isEqualTo("令和6年5月1日 (2024-05-01)");
    }

    @Test
    void namesTheFirstYearOfAnEraGannen() {
        assertThat(era.date(LocalDate.of(2019, 5, 1))).startsWith("令和元年5月1日");
        assertThat(era.date(LocalDate.of(2019, 4, 30))).startsWith("平成31年4月30日");
        assertThat(era.date(LocalDate.of(1989, 1, 7))).startsWith("昭和64年");
        assertThat(era.date(LocalDate.of(1989, 1, 8))).startsWith("平成元年");
    }

    @Test
    void namesMonthsAndYearsAndYen() {
        assertThat(era.month(LocalDate.of(2025, 3, 1))).isEqualTo("令和7年3月 (2025年3月)");
        assertThat(era.year(2019)).isEqualTo("令和元年 (2019年)");
        assertThat(era.yen(1234567)).isEqualTo("1,234,567円");
        assertThat(era.date(null)).isEqualTo("―");
    }
}
