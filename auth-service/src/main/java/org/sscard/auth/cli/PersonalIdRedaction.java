package org.sscard.auth.cli;

import java.util.regex.Pattern;

/**
 * The path validator's details name certificate subjects, and a resident card's subject is its personal ID; the
 * operator's terminal (and whatever it is pasted into) must not show it. The validator renders the subject both as
 * text ({@code SERIALNUMBER=<44 digits>}) and, per RFC 2253, as the hex of its DER ({@code 2.5.4.5=#132c3031…}), so
 * both shapes are masked.
 */
final class PersonalIdRedaction {

    static final String MASK = "<personal ID>";
    /** Tag and length (2c = 44) then 44 ASCII digits, each byte 0x30-0x39. */
    private static final Pattern HEX_DER = Pattern.compile("(?i)(?:#[0-9a-f]{2}2c)?(?:3[0-9]){44}");

    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{44}(?![0-9])");

    private PersonalIdRedaction() {}

    static String mask(String text) {
        return DIGITS.matcher(HEX_DER.matcher(text).replaceAll(MASK)).replaceAll(MASK);
    }
}
