package org.sscard.adapters.imports;

import java.util.List;
import org.sscard.adapters.provider.Provider;

/**
 * The four columns naming an insured person on every insurer file, and the canonical provider ID made of them
 * ({@code insurer|symbol|number|branch}, the {@code sub} of the person's tokens). The insurer number must be this
 * provider's: a file for another insurer is refused row by row.
 */
final class InsurerIds {

    static final List<Column> COLUMNS = List.of(
            Column.required(
                    "insurer_number",
                    "保険者番号",
                    Field.matching(
                            v -> (v.length() == 6 || v.length() == 8)
                                    && v.chars().allMatch(InsurerIds::digit),
                            "6 or 8 digits")),
            Column.required(
                    "symbol", "記号", Field.matching(Field.chars(c -> c != '|', 1, 20), "up to 20 characters without |")),
            Column.required(
                    "number",
                    "番号",
                    Field.matching(
                            Field.chars(
                                    c -> digit(c) || c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'),
                                    1,
                                    20),
                            "up to 20 letters or digits")),
            Column.required("branch", "枝番", Field.matching(Field.chars(InsurerIds::digit, 1, 2), "1–2 digits")));

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private InsurerIds() {}

    /** The canonical ID from the first four values. */
    static String localId(String[] values, Provider provider) throws RowProblem {
        if (!values[0].equals(provider.insurerNumber())) {
            throw new RowProblem(
                    "insurer_number", "他の保険者の番号です / not this insurer's number (" + provider.insurerNumber() + ")");
        }
        String branch = values[3].length() == 1 ? "0" + values[3] : values[3];
        return values[0] + "|" + values[1] + "|" + values[2] + "|" + branch;
    }

    static List<Column> with(List<Column> more) {
        return java.util.stream.Stream.concat(COLUMNS.stream(), more.stream()).toList();
    }
}
