package org.sscard.relay.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaNameTest {

    @Test
    void normalisesHiraganaAndHalfWidthToFullWidthKatakana() {
        assertThat(KanaName.normalise("かもがわ はなこ")).contains("カモガワ　ハナコ");
        assertThat(KanaName.normalise("ｶﾓｶﾞﾜ ﾊﾅｺ")).contains("カモガワ　ハナコ");
        assertThat(KanaName.normalise("  カモガワ　　ハナコ ")).contains("カモガワ　ハナコ");
        assertThat(KanaName.normalise("ヴィーナス・エー")).contains("ヴィーナス・エー");
    }

    @Test
    void rejectsAnythingThatIsNotKana() {
        assertThat(KanaName.normalise("鴨川")).isEmpty();
        assertThat(KanaName.normalise("Hanako")).isEmpty();
        assertThat(KanaName.normalise("  ")).isEmpty();
        assertThat(KanaName.normalise(null)).isEmpty();
    }
}
