package org.sscard.relay.linkage;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sscard.relay.person.Address;
import org.sscard.relay.person.Sex;

/**
 * The five items the linkage gate compares between an insurer's record and the relay's: kana name, kanji name, date
 * of birth, sex and address. Both sides are normalised the same way before they are compared: names NFKC (half-width
 * kana become full-width, full-width letters and spaces ASCII), every run of whitespace one space, trimmed; the
 * address as the relay stores addresses ({@link Address}: also every dash between numbers one {@code -}); sex only
 * MALE or FEMALE (NOT_KNOWN and NOT_APPLICABLE count as missing, even on both sides).
 */
public record FiveItems(String nameKana, String nameKanji, LocalDate dateOfBirth, Sex sex, String address) {

    public static final String KANA_NAME = "KANA_NAME";
    public static final String KANJI_NAME = "KANJI_NAME";
    public static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    public static final String SEX = "SEX";
    public static final String ADDRESS = "ADDRESS";

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    /**
     * The items that differ or are missing on either side, in the order above: empty only when all five are present
     * and equal.
     */
    public static List<String> differences(FiveItems insurer, FiveItems relay) {
        List<String> differences = new ArrayList<>();
        compare(differences, KANA_NAME, name(insurer.nameKana), name(relay.nameKana));
        compare(differences, KANJI_NAME, name(insurer.nameKanji), name(relay.nameKanji));
        compare(differences, DATE_OF_BIRTH, insurer.dateOfBirth, relay.dateOfBirth);
        compare(differences, SEX, sex(insurer.sex), sex(relay.sex));
        compare(
                differences,
                ADDRESS,
                Address.normalise(insurer.address).orElse(null),
                Address.normalise(relay.address).orElse(null));
        return differences;
    }

    /** A name as the gate compares it; null when absent or blank. */
    static String name(String input) {
        if (input == null) {
            return null;
        }
        String normalised = WHITESPACE
                .matcher(Normalizer.normalize(input, Normalizer.Form.NFKC))
                .replaceAll(" ")
                .strip();
        return normalised.isEmpty() ? null : normalised;
    }

    /** MALE or FEMALE; null for NOT_KNOWN and NOT_APPLICABLE, which identify nobody (missing, never agreeing). */
    static Sex sex(Sex sex) {
        return sex == Sex.MALE || sex == Sex.FEMALE ? sex : null;
    }

    private static void compare(List<String> differences, String item, Object insurer, Object relay) {
        if (insurer == null || relay == null || !Objects.equals(insurer, relay)) {
            differences.add(item);
        }
    }
}
