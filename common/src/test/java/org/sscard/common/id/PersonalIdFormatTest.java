package org.sscard.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalIdFormatTest {

    private final PersonalIdFormat format = PersonalIdFormat.standard();

    @Test
    void generatesManyDistinctIdsThatAllValidate() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            PersonalId id = format.generate(MunicipalityCode.KAMOGAWA);
            assertThat(id.digits()).hasSize(44).containsOnlyDigits().startsWith("01122238");
            assertThat(format.parse(id.digits())).isEqualTo(id);
            seen.add(id.digits());
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void rejectsEverySingleDigitCorruption() {
        for (int sample = 0; sample < 50; sample++) {
            String valid = format.generate(MunicipalityCode.KAMOGAWA).digits();
            for (int position = 0; position < 44; position++) {
                for (char replacement = '0'; replacement <= '9'; replacement++) {
                    if (valid.charAt(position) == replacement) {
                        continue;
                    }
                    String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThatThrownBy(() -> format.parse(corrupted))
                            .isInstanceOf(InvalidPersonalIdException.class)
                            .extracting(e -> ((InvalidPersonalIdException) e).error())
                            .isEqualTo(PersonalIdError.CHECK_DIGITS);
                }
            }
        }
    }

    @Test
    void rejectsEveryAdjacentTransposition() {
        for (int sample = 0; sample < 200; sample++) {
            String valid = format.generate(MunicipalityCode.KAMOGAWA).digits();
            for (int position = 0; position < 43; position++) {
                char a = valid.charAt(position);
                char b = valid.charAt(position + 1);
                if (a == b) {
                    continue;
                }
                String swapped = valid.substring(0, position) + b + a + valid.substring(position + 2);
                assertThatThrownBy(() -> format.parse(swapped)).isInstanceOf(InvalidPersonalIdException.class);
            }
        }
    }

    @Test
    void saysWhatIsWrongWithoutEchoingTheValue() {
        String valid = format.generate(MunicipalityCode.KAMOGAWA).digits();
        assertError(valid.substring(1), PersonalIdError.LENGTH);
        assertError(valid + "0", PersonalIdError.LENGTH);
        assertError(null, PersonalIdError.LENGTH);
        assertError(valid.substring(0, 20) + "A" + valid.substring(21), PersonalIdError.NON_DIGIT);
        assertError(valid.substring(0, 20) + "１" + valid.substring(21), PersonalIdError.NON_DIGIT);
        assertError(withCheckDigits("02" + valid.substring(2, 42)), PersonalIdError.UNKNOWN_VERSION);
        assertError(
                withCheckDigits("01" + "122239" + valid.substring(8, 42)), PersonalIdError.MUNICIPALITY_CHECK_DIGIT);
        assertError(withCheckDigits("01" + "131016" + valid.substring(8, 42)), PersonalIdError.UNKNOWN_MUNICIPALITY);

        assertThatThrownBy(() -> format.parse(valid.substring(1))).hasMessageNotContaining(valid.substring(1, 20));
    }

    @Test
    void acceptsAnotherMunicipalityOnlyWhenConfigured() {
        MunicipalityCode chiyoda = new MunicipalityCode("131016");
        PersonalIdFormat twoCities = new PersonalIdFormat(Set.of(MunicipalityCode.KAMOGAWA, chiyoda));
        PersonalId id = twoCities.generate(chiyoda);
        assertThat(id.municipality()).isEqualTo(chiyoda);
        assertThatThrownBy(() -> format.parse(id.digits())).isInstanceOf(InvalidPersonalIdException.class);
        assertThatThrownBy(() -> format.generate(chiyoda)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheRandomPart() {
        PersonalId id = format.generate(MunicipalityCode.KAMOGAWA);
        assertThat(id.toString()).doesNotContain(id.digits().substring(8, 42)).contains("122238");
    }

    @Test
    void checkDigitsFollowIso7064Mod97() {
        // ISO 7064 MOD 97-10 reference: 794 has check digits 44, since 79444 mod 97 == 1
        assertThat(PersonalIdFormat.mod97CheckDigits("794")).isEqualTo("44");
        assertThat(Long.parseLong("79444") % 97).isEqualTo(1);
    }

    private void assertError(String value, PersonalIdError expected) {
        assertThatThrownBy(() -> format.parse(value))
                .isInstanceOf(InvalidPersonalIdException.class)
                .extracting(e -> ((InvalidPersonalIdException) e).error())
                .isEqualTo(expected);
    }

    private static String withCheckDigits(String body42) {
        return body42 + PersonalIdFormat.mod97CheckDigits(body42);
    }
}
