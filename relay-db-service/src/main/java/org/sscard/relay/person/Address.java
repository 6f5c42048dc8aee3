package org.sscard.relay.person;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Normalises an address to the one form the relay stores, so that the same address typed at two counters is the same
 * string: NFKC (full-width digits, letters and spaces become ASCII, half-width kana full-width), every run of
 * whitespace or control characters one ASCII space, trimmed, and each dash or hyphen variant in the numbering
 * ({@code 1丁目2－3}, {@code 2‐3}, {@code 2—3}) an ASCII {@code -}.
 *
 * <p>The prolonged sound mark ー (and half-width ｰ) is a letter of kana words ({@code コーポ}, {@code センター}), so it
 * becomes {@code -} only between two digits, where it stands for a dash ({@code 2ー3}). The other dash characters
 * never occur inside Japanese words and become {@code -} wherever they are. Nothing else is changed: no kanji
 * numerals, no 丁目/番地 rewriting.
 */
public final class Address {

    public static final int MAX_LENGTH = 300;

    private static final char PROLONGED_SOUND_MARK = '\u30FC';

    /** Dashes that are never part of a word: hyphen, non-breaking hyphen, figure/en/em dash, bar, minus and the like. */
    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2500\uFE58\uFE63\uFF0D";

    private Address() {}

    /** The normalised address; empty for null or blank input. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String nfkc = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder spaced = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                pendingSpace = spaced.length() > 0;
                continue;
            }
            if (pendingSpace) {
                spaced.append(' ');
                pendingSpace = false;
            }
            spaced.append(DASHES.indexOf(c) >= 0 ? '-' : c);
        }
        for (int i = 1; i < spaced.length() - 1; i++) {
            if (spaced.charAt(i) == PROLONGED_SOUND_MARK
                    && isDigit(spaced.charAt(i - 1))
                    && isDigit(spaced.charAt(i + 1))) {
                spaced.setCharAt(i, '-');
            }
        }
        return spaced.length() == 0 ? Optional.empty() : Optional.of(spaced.toString());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
