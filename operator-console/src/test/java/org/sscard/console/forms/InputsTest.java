package org.sscard.console.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The forms' inputs as a counter clerk types them, and what is refused. */
class InputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void takesAProvisionalSsnWithFullWidthDigitsSpacesAndAnyDash() {
        FormErrors errors = new FormErrors();
        assertThat(Inputs.provisionalSsn("１０００－００００－０００１", "ssn", errors)).isEqualTo("100000000001");
        assertThat(Inputs.provisionalSsn("1000 0000 0001", "ssn", errors)).isEqualTo("100000000001");
        assertThat(Inputs.provisionalSsn("1000‐0000‐0001", "ssn", errors)).isEqualTo("100000000001");
        assertThat(errors.any()).isFalse();
        assertThat(Inputs.provisionalSsn("10000000001", "ssn", errors)).isNull();
        assertThat(Inputs.provisionalSsn("10000000000A", "other", errors)).isNull();
        assertThat(errors.fields()).containsExactly("ssn", "other");
    }

    @Test
    void takesAPinTypedTwiceAlikeOnlyFourToEightDigits() {
        FormErrors errors = new FormErrors();
        assertThat(Inputs.pin("４８２６", "4826", errors)).isEqualTo("4826");
        assertThat(Inputs.pin("12345678", "12345678", errors)).isEqualTo("12345678");
        assertThat(errors.any()).isFalse();

        FormErrors mismatch = new FormErrors();
        assertThat(Inputs.pin("4826", "4827", mismatch)).isNull();
        assertThat(mismatch.key("pinRepeat")).isEqualTo("invalid.pinMismatch");

        for (String bad : new String[] {"123", "123456789", "12a4", "", null}) {
            FormErrors errors2 = new FormErrors();
            assertThat(Inputs.pin(bad, bad, errors2)).as(bad).isNull();
            assertThat(errors2.has("pin")).as(bad).isTrue();
        }
    }

    @Test
    void takesADateOfBirthBeforeTodayOnly() {
        FormErrors errors = new FormErrors();
        assertThat(Inputs.date("1968-05-05", "dob", true, TODAY, errors)).isEqualTo(LocalDate.of(1968, 5, 5));
        assertThat(Inputs.date("2026-12-07", "dob", true, TODAY, errors)).isNull();
        assertThat(Inputs.date("2026-12-07", "validFrom", false, TODAY, new FormErrors()))
                .isEqualTo(TODAY);
        assertThat(Inputs.date("5/5/1968", "dob", true, TODAY, errors)).isNull();
    }

    @Test
    void takesTextUpToItsLengthAndAReasonWhereOneIsNeeded() {
        FormErrors errors = new FormErrors();
        assertThat(Inputs.text(" ｶﾓｶﾞﾜ ﾊﾅｺ ", "kana", 100, true, errors)).isEqualTo("カモガワ ハナコ");
        assertThat(Inputs.reason("", false, errors)).isNull();
        assertThat(errors.any()).isFalse();
        assertThat(Inputs.reason("  ", true, errors)).isNull();
        assertThat(Inputs.reason("x".repeat(201), false, errors)).isNull();
        assertThat(errors.fields()).containsExactly("reason");
    }
}
