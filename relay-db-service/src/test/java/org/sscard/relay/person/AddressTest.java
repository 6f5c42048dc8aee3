package org.sscard.relay.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void turnsFullWidthDigitsLettersAndSpacesIntoAscii() {
        assertThat(Address.normalise("千葉県鴨川市横渚１２３４　ＡＢＣハイツ　１０１")).contains("千葉県鴨川市横渚1234 ABCハイツ 101");
    }

    @Test
    void collapsesEveryRunOfSpacesTabsAndLineBreaksIntoOneSpaceAndTrims() {
        assertThat(Address.normalise("\u3000 千葉県鴨川市\t\t横渚\r\n100 \u3000 ")).contains("千葉県鴨川市 横渚 100");
    }

    @Test
    void writesEveryDashVariantBetweenDigitsAsAnAsciiHyphen() {
        for (String dash : new String[] {"ー", "－", "―", "‐", "‑", "–", "—", "−", "-", "ｰ"}) {
            assertThat(Address.normalise("横渚1" + dash + "2" + dash + "3"))
                    .as(dash)
                    .contains("横渚1-2-3");
        }
        assertThat(Address.normalise("横渚１ー２ー３")).contains("横渚1-2-3");
    }

    @Test
    void keepsTheProlongedSoundMarkInsideKanaWords() {
        assertThat(Address.normalise("鴨川市前原300ー8 コーポ・センター 202")).contains("鴨川市前原300-8 コーポ・センター 202");
        assertThat(Address.normalise("ｺｰﾎﾟ 1ｰ2")).contains("コーポ 1-2");
        // a mark that follows a digit but starts a word is still the word's
        assertThat(Address.normalise("3ーA棟")).contains("3ーA棟");
    }

    @Test
    void turnsDashesThatAreNeverPartOfAWordIntoHyphensWherever() {
        assertThat(Address.normalise("横渚—南")).contains("横渚-南");
    }

    @Test
    void isIdempotentAndEmptyForNothing() {
        String once = Address.normalise("鴨川市横渚１００１－１　コーポ横渚 １０１").orElseThrow();
        assertThat(Address.normalise(once)).contains(once);
        assertThat(Address.normalise(null)).isEmpty();
        assertThat(Address.normalise(" \u3000\t")).isEmpty();
    }
}
