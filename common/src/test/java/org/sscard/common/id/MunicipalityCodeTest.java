package org.sscard.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MunicipalityCodeTest {

    @Test
    void computesPublishedCheckDigits() {
        assertThat(MunicipalityCode.ofFiveDigits("12223").code()).isEqualTo("122238"); // Kamogawa
        assertThat(MunicipalityCode.ofFiveDigits("13101").code()).isEqualTo("131016"); // Chiyoda
        assertThat(MunicipalityCode.ofFiveDigits("01100").code()).isEqualTo("011002"); // Sapporo
    }

    @Test
    void mapsRemaindersZeroAndOneToOneAndZero() {
        // 11 - 0 = 11 -> 1 and 11 - 1 = 10 -> 0: the last digit counts
        assertThat(MunicipalityCode.checkDigit("00000")).isEqualTo(1);
        assertThat(MunicipalityCode.checkDigit("00006")).isEqualTo(0); // 6*2 = 12, remainder 1
        assertThat(MunicipalityCode.checkDigit("00005")).isEqualTo(1); // 5*2 = 10, remainder 10
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThatThrownBy(() -> new MunicipalityCode("122239")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> new MunicipalityCode("12223")).hasMessageContaining("six digits");
    }
}
