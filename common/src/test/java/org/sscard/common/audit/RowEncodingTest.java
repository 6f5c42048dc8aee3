package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowEncodingTest {

    private static final List<String> COLUMNS = List.of("id", "actor", "note");

    @Test
    void tellsNullFromEmpty() {
        assertThat(hash("7", "clerk", null)).isNotEqualTo(hash("7", "clerk", ""));
    }

    @Test
    void leavesANullColumnOutSoThatAColumnAddedLaterKeepsOlderHashes() {
        byte[] before = RowEncoding.hash("t", COLUMNS, Arrays.asList("7", "clerk", "x"));
        byte[] withNewNullColumn =
                RowEncoding.hash("t", List.of("id", "actor", "note", "added"), Arrays.asList("7", "clerk", "x", null));

        assertThat(withNewNullColumn).isEqualTo(before);
    }

    @Test
    void keepsValuesThatLookLikeSeparatorsApart() {
        assertThat(hash("7", "a\nnote=1:b", null)).isNotEqualTo(hash("7", "a", "b"));
        assertThat(hash("7", "ab", "")).isNotEqualTo(hash("7", "a", "b"));
    }

    @Test
    void coversTheTableAndEveryColumnsName() {
        assertThat(RowEncoding.hash("t", COLUMNS, Arrays.asList("7", "clerk", "x")))
                .isNotEqualTo(RowEncoding.hash("u", COLUMNS, Arrays.asList("7", "clerk", "x")))
                .isNotEqualTo(
                        RowEncoding.hash("t", List.of("id", "actor", "purpose"), Arrays.asList("7", "clerk", "x")));
    }

    private static byte[] hash(String id, String actor, String note) {
        return RowEncoding.hash("t", COLUMNS, Arrays.asList(id, actor, note));
    }
}
