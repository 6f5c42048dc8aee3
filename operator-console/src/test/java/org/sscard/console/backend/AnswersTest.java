package org.sscard.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the back ends' answers are shown: an enrolment code in groups of five, an import's bad values by line. */
class AnswersTest {

    @Test
    void groupsAnEnrolmentCodeByFiveWhateverTheIssuerSent() {
        assertThat(new EnrolmentCode("ABCDEFGHJKMNPQRSTVWX", Instant.EPOCH).grouped())
                .isEqualTo("ABCDE-FGHJK-MNPQR-STVWX");
        assertThat(new EnrolmentCode("ABCDE-FGHJK-MNPQR-STVWX", Instant.EPOCH).grouped())
                .isEqualTo("ABCDE-FGHJK-MNPQR-STVWX");
    }

    @Test
    void groupsAnImportsBadValuesByLineInTheFilesOrder() {
        ImportReport report = new ImportReport(
                "REJECTED",
                "notices",
                "bad.csv",
                null,
                null,
                0,
                0,
                0,
                5,
                List.of(
                        new ImportReport.RowError(3, "a", "x"),
                        new ImportReport.RowError(3, "b", "y"),
                        new ImportReport.RowError(7, "c", "z")));

        assertThat(report.accepted()).isFalse();
        assertThat(report.truncated()).isTrue();
        assertThat(report.rejectedRows())
                .extracting(ImportReport.RejectedRow::line)
                .containsExactly(3L, 7L);
        assertThat(report.rejectedRows().get(0).problems()).hasSize(2);
    }

    @Test
    void pagesThroughMembers() {
        MemberPage middle = new MemberPage(List.of(), 1, 50, 120);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.pages()).isEqualTo(3);
        assertThat(new MemberPage(List.of(), 2, 50, 120).hasNext()).isFalse();
    }
}
