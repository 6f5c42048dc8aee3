package org.sscard.issuer.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An enrolment code: 20 characters of Crockford's base32 (100 random bits), shown grouped
 * {@code XXXXX-XXXXX-XXXXX-XXXXX}. Read as Crockford reads: dashes (and spaces) ignored, any case, {@code O} as
 * {@code 0} and {@code I}/{@code L} as {@code 1}, so that a code read aloud or typed from paper still matches.
 * Only its SHA-256 (of the canonical 20 characters) is stored.
 */
final class EnrolmentCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolmentCode() {}

    /** A new code, canonical (ungrouped). */
    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()))); // 5 bits each
        }
        return code.toString();
    }

    /** As shown to the operator (and, from them, to the resident): four groups of five. */
    static String grouped(String canonical) {
        return String.join(
                "-",
                canonical.substring(0, 5),
                canonical.substring(5, 10),
                canonical.substring(10, 15),
                canonical.substring(15, 20));
    }

    /** The canonical code of what was typed, if it can be one (a bounded input: a longer one is no code). */
    static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replace("-", "")
                .replace(" ", "")
                .toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
