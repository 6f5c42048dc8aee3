package org.sscard.adapters.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void namesCodesInJapaneseWithEnglishBesideAndShowsUnknownCodesAsTheyAre() {
        assertThat(labels.of("INPATIENT")).isEqualTo("入院 (inpatient)");
        assertThat(labels.of("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(labels.of(null)).isEqualTo("―");
    }

    @Test
    void writesYenWithSeparators() {
        assertThat(labels.yen(1234567)).isEqualTo("1,234,567円");
        assertThat(labels.yen(0)).isEqualTo("0円");
    }
}
