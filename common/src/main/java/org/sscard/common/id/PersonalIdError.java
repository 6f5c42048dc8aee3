package org.sscard.common.id;

/** Why a string is not a valid 44-digit personal ID; each reason has a message a person can act on. */
public enum PersonalIdError {
    LENGTH("a personal ID has exactly 44 digits"),
    NON_DIGIT("a personal ID contains only the digits 0-9"),
    CHECK_DIGITS("the check digits (ISO 7064 MOD 97-10) do not match: a digit is wrong or two are swapped"),
    UNKNOWN_VERSION("the format version (first 2 digits) is not one this system issues"),
    MUNICIPALITY_CHECK_DIGIT("the municipality code (digits 3-8) has a wrong JIS X 0402 check digit"),
    UNKNOWN_MUNICIPALITY("the municipality code (digits 3-8) is not a municipality that issues social-security cards");

    private final String message;

    PersonalIdError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
