package org.sscard.relay.person;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Normalises a name in kana to the one form the relay stores and compares: full-width katakana, words separated
 * by one ideographic space. Half-width katakana (ｶﾓｶﾞﾜ) and hiragana (かもがわ) are accepted and converted.
 */
final class KanaName {

    private KanaName() {}

    /** The normalised name, or empty when it contains anything but kana, the long-vowel mark, ・ and spaces. */
    static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String nfkc = Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c >= '\u3041' && c <= '\u3096') {
                c = (char) (c + 0x60); // hiragana -> katakana
            }
            boolean katakana = (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC' || c == '\u30FB';
            if (!katakana) {
                return Optional.empty();
            }
            if (pendingSpace) {
                out.append('\u3000');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }
}
