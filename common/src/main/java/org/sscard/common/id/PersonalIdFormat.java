package org.sscard.common.id;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The 44-digit personal ID (個人識別ID): version (2) | municipality code with JIS X 0402 check digit (6) |
 * random (34, from SecureRandom, about 113 bits) | ISO 7064 MOD 97-10 check digits (2). See docs/personal-id.md.
 * An instance knows which versions and municipalities are accepted; {@link #standard()} accepts Kamogawa.
 */
public final class PersonalIdFormat {

    public static final int LENGTH = 44;
    public static final String CURRENT_VERSION = "01";
    static final int RANDOM_DIGITS = 34;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final PersonalIdFormat STANDARD = new PersonalIdFormat(Set.of(MunicipalityCode.KAMOGAWA));

    private final Set<String> versions = Set.of(CURRENT_VERSION);
    private final Set<MunicipalityCode> municipalities;
    private final SecureRandom random = new SecureRandom();

    public PersonalIdFormat(Set<MunicipalityCode> municipalities) {
        if (municipalities.isEmpty()) {
            throw new IllegalArgumentException("at least one issuing municipality is required");
        }
        this.municipalities = Set.copyOf(municipalities);
    }

    public static PersonalIdFormat standard() {
        return STANDARD;
    }

    /** Parses and fully validates; the exception says what is wrong and never echoes the value. */
    public PersonalId parse(String value) {
        if (value == null || value.length() != LENGTH) {
            throw new InvalidPersonalIdException(PersonalIdError.LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPersonalIdException(PersonalIdError.NON_DIGIT);
            }
        }
        // Check digits first: a mistyped digit anywhere is reported as a typo, not as an unknown version.
        if (new BigInteger(value).mod(NINETY_SEVEN).intValue() != 1) {
            throw new InvalidPersonalIdException(PersonalIdError.CHECK_DIGITS);
        }
        if (!versions.contains(value.substring(0, 2))) {
            throw new InvalidPersonalIdException(PersonalIdError.UNKNOWN_VERSION);
        }
        String municipality = value.substring(2, 8);
        if (!MunicipalityCode.hasValidCheckDigit(municipality)) {
            throw new InvalidPersonalIdException(PersonalIdError.MUNICIPALITY_CHECK_DIGIT);
        }
        if (!municipalities.contains(new MunicipalityCode(municipality))) {
            throw new InvalidPersonalIdException(PersonalIdError.UNKNOWN_MUNICIPALITY);
        }
        return new PersonalId(value);
    }

    /** A new random ID issued by the given municipality. */
    public PersonalId generate(MunicipalityCode municipality) {
        if (!municipalities.contains(municipality)) {
            throw new IllegalArgumentException("municipality " + municipality.code() + " is not an issuer here");
        }
        StringBuilder digits = new StringBuilder(LENGTH).append(CURRENT_VERSION).append(municipality.code());
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return new PersonalId(digits.append(mod97CheckDigits(digits)).toString());
    }

    /** ISO 7064 MOD 97-10: the two digits that make the whole number congruent to 1 modulo 97. */
    static String mod97CheckDigits(CharSequence body) {
        int check = 98 - new BigInteger(body + "00").mod(NINETY_SEVEN).intValue();
        return check < 10 ? "0" + check : Integer.toString(check);
    }
}
