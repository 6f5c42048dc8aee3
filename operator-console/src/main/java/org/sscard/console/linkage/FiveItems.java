package org.sscard.console.linkage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sscard.console.backend.LinkReview;

/**
 * The five items the relay's gate compares, side by side: the insurer's record and the relay's, each row marked
 * agrees, differs or missing. The relay's own comparison decides (its {@code differences}, made with its own
 * normalisation of names and addresses); where it compared nothing (a disputed link), the rows are compared here the
 * way the gate compares names: NFKC, whitespace runs as one space, trimmed.
 */
final class FiveItems {

    static final String AGREES = "AGREES";
    static final String DIFFERS = "DIFFERS";
    static final String MISSING = "MISSING";

    /** The gate's item codes, in the order the page shows them. */
    static final List<String> CODES = List.of("KANA_NAME", "KANJI_NAME", "DATE_OF_BIRTH", "SEX", "ADDRESS");

    /** One row: the item's code, the value on each side (null: none), and how they compare. */
    public record Row(String code, Object insurer, Object relay, String state) {
        public boolean differs() {
            return DIFFERS.equals(state);
        }
    }

    private FiveItems() {}

    static List<Row> of(LinkReview review) {
        List<Row> rows = new ArrayList<>();
        for (String code : CODES) {
            Object insurer = value(review.providerRecord(), code);
            Object relay = value(review.relayRecord(), code);
            rows.add(new Row(code, insurer, relay, state(review, code, insurer, relay)));
        }
        return rows;
    }

    private static String state(LinkReview review, String code, Object insurer, Object relay) {
        if (blank(insurer) || blank(relay)) {
            return MISSING;
        }
        if (review.differences().contains(code)) {
            return DIFFERS;
        }
        if (LinkReview.MISMATCH.equals(review.kind())) {
            return AGREES;
        }
        return Objects.equals(normalised(insurer), normalised(relay)) ? AGREES : DIFFERS;
    }

    private static Object value(LinkReview.Items items, String code) {
        if (items == null) {
            return null;
        }
        return switch (code) {
            case "KANA_NAME" -> items.nameKana();
            case "KANJI_NAME" -> items.nameKanji();
            case "DATE_OF_BIRTH" -> items.dateOfBirth();
            case "SEX" -> items.sex();
            case "ADDRESS" -> items.address();
            default -> throw new IllegalArgumentException(code);
        };
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String normalised(Object value) {
        return Normalizer.normalize(value.toString(), Normalizer.Form.NFKC)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
