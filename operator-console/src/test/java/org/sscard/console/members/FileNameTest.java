package org.sscard.console.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An uploaded file keeps its own name only when it is a plain one. */
class FileNameTest {

    @Test
    void keepsAPlainBaseNameAndReplacesAnythingElse() {
        assertThat(ImportController.fileName("C:\\exports\\eligibility-2026.csv"))
                .isEqualTo("eligibility-2026.csv");
        assertThat(ImportController.fileName("/tmp/notices.csv")).isEqualTo("notices.csv");
        assertThat(ImportController.fileName("資格.csv")).isEqualTo("upload.csv");
        assertThat(ImportController.fileName("a b.csv")).isEqualTo("upload.csv");
        assertThat(ImportController.fileName(null)).isEqualTo("upload.csv");
    }
}
