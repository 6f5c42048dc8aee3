package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sscard.relay.person.Sex;

/** The gate's comparison: both sides normalised alike; anything missing on either side is a difference. */
class FiveItemsTest {

    private static final FiveItems RELAY =
            new FiveItems("カモガワ　ハナコ", "鴨川 花子", LocalDate.of(1958, 4, 12), Sex.FEMALE, "千葉県鴨川市横渚1001-1 コーポ横渚 101");

    @Test
    void halfWidthKanaFullWidthSpacesAndDashVariantsAreTheSameItems() {
        FiveItems insurer = new FiveItems(
                "ｶﾓｶﾞﾜ  ﾊﾅｺ", // half-width kana, two half-width spaces
                "鴨川　花子", // ideographic space
                LocalDate.of(1958, 4, 12),
                Sex.FEMALE,
                " 千葉県鴨川市横渚１００１－１　コーポ横渚　１０１ "); // full-width digits, dash and spaces
        assertThat(FiveItems.differences(insurer, RELAY)).isEmpty();
        assertThat(FiveItems.differences(
                        new FiveItems(
                                "カモガワ ハナコ",
                                " 鴨川\t花子",
                                LocalDate.of(1958, 4, 12),
                                Sex.FEMALE,
                                "千葉県鴨川市横渚1001ー1 コーポ横渚 101"), // prolonged sound mark between digits
                        RELAY))
                .isEmpty();
    }

    @Test
    void eachItemThatDiffersIsNamed() {
        assertThat(FiveItems.differences(with("カモガワ ハナエ", null, null, null, null), RELAY))
                .containsExactly(FiveItems.KANA_NAME);
        assertThat(FiveItems.differences(with(null, "鴨川 花江", null, null, null), RELAY))
                .containsExactly(FiveItems.KANJI_NAME);
        assertThat(FiveItems.differences(with(null, null, LocalDate.of(1958, 4, 13), null, null), RELAY))
                .containsExactly(FiveItems.DATE_OF_BIRTH);
        assertThat(FiveItems.differences(with(null, null, null, Sex.MALE, null), RELAY))
                .containsExactly(FiveItems.SEX);
        assertThat(FiveItems.differences(with(null, null, null, null, "千葉県鴨川市横渚1001-2 コーポ横渚 101"), RELAY))
                .containsExactly(FiveItems.ADDRESS);
        // a word space is a difference only where a name has none at all: "カモガワハナコ" is another spelling
        assertThat(FiveItems.differences(with("カモガワハナコ", null, null, null, null), RELAY))
                .containsExactly(FiveItems.KANA_NAME);
    }

    @Test
    void anItemMissingOnEitherSideIsADifferenceEvenWhenBothMiss() {
        FiveItems none = new FiveItems(null, " ", null, null, "　");
        assertThat(FiveItems.differences(none, RELAY))
                .containsExactly(
                        FiveItems.KANA_NAME,
                        FiveItems.KANJI_NAME,
                        FiveItems.DATE_OF_BIRTH,
                        FiveItems.SEX,
                        FiveItems.ADDRESS);
        FiveItems relayWithout = new FiveItems(RELAY.nameKana(), null, RELAY.dateOfBirth(), RELAY.sex(), null);
        assertThat(FiveItems.differences(RELAY, relayWithout)).containsExactly(FiveItems.KANJI_NAME, FiveItems.ADDRESS);
        FiveItems bothWithout = new FiveItems(RELAY.nameKana(), null, RELAY.dateOfBirth(), RELAY.sex(), null);
        assertThat(FiveItems.differences(bothWithout, relayWithout))
                .containsExactly(FiveItems.KANJI_NAME, FiveItems.ADDRESS);
    }

    @Test
    void aSexNeitherMaleNorFemaleIsMissingEvenWhenBothSidesHaveIt() {
        for (Sex unknown : new Sex[] {Sex.NOT_KNOWN, Sex.NOT_APPLICABLE}) {
            FiveItems relay =
                    new FiveItems(RELAY.nameKana(), RELAY.nameKanji(), RELAY.dateOfBirth(), unknown, RELAY.address());
            assertThat(FiveItems.differences(relay, relay)).as(unknown.name()).containsExactly(FiveItems.SEX);
            assertThat(FiveItems.differences(RELAY, relay)).as(unknown.name()).containsExactly(FiveItems.SEX);
        }
    }

    /** The relay's items with those given replaced. */
    private static FiveItems with(String kana, String kanji, LocalDate dob, Sex sex, String address) {
        return new FiveItems(
                kana != null ? kana : RELAY.nameKana(),
                kanji != null ? kanji : RELAY.nameKanji(),
                dob != null ? dob : RELAY.dateOfBirth(),
                sex != null ? sex : RELAY.sex(),
                address != null ? address : RELAY.address());
    }
}
