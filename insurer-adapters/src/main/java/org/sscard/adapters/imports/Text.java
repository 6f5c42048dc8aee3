package org.sscard.adapters.imports;

import java.text.Normalizer;

/**
 * The normalisation every imported value goes through, so that the same name or number typed in full-width,
 * half-width or hiragana by different systems is stored once, the same way: NFKC (full-width digits and Latin
 * letters become ASCII, half-width katakana become full-width, with the voiced marks composed), whitespace
 * collapsed to one ASCII space and trimmed. Names in kanji are only touched in the half-/full-width forms block, so
 * that a registered variant ideograph is never replaced by its unified form.
 */
public final class Text {

    private Text() {}

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u3000]+");

    public static String normal(String raw) {
        if (isPlainAscii(raw)) {
            // most values (numbers, codes, dates) are already normal: skip the work a million rows would repeat
            return raw;
        }
        return spaces(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    /** Printable ASCII without leading, trailing or doubled spaces: NFKC and the space rule leave it unchanged. */
    private static boolean isPlainAscii(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return length == 0;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || (c == ' ' && text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Dashes and hyphens that may separate the groups of a number. */
    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70";

    /** A provisional SSN as its 12 digits (NFKC; dashes and spaces dropped), or null when it is not one. */
    public static String provisionalSsn(String raw) {
        String text = normal(raw);
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && DASHES.indexOf(c) < 0) {
                return null;
            }
        }
        return digits.length() == 12 ? digits.toString() : null;
    }

    /** Katakana only (hiragana turned into katakana), one space between family and given name. */
    public static String kana(String raw) {
        String text = normal(raw);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
        return out.toString();
    }

    public static boolean isKatakana(String text) {
        return text.codePoints().allMatch(c -> (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == ' ');
    }

    /** NFKC only on runs of half-width and full-width forms (U+FF00–U+FFEF), which then compose. */
    public static String kanjiName(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int start = i;
            boolean forms = isForm(raw.charAt(i));
            while (i < raw.length() && isForm(raw.charAt(i)) == forms) {
                i++;
            }
            String run = raw.substring(start, i);
            out.append(forms ? Normalizer.normalize(run, Normalizer.Form.NFKC) : run);
        }
        return spaces(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    private static boolean isForm(char c) {
        return c >= 0xFF00 && c <= 0xFFEF;
    }

    private static String spaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean odd = c != ' ' && (Character.isWhitespace(c) || c == '\u3000')
                    || c == ' ' && (i == 0 || i == text.length() - 1 || text.charAt(i + 1) == ' ');
            if (odd) {
                // only now the regex: most values have nothing to collapse
                return SPACES.matcher(text).replaceAll(" ").strip();
            }
        }
        return text;
    }
}
