package org.sscard.adapters.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.error.ImportException;
import org.sscard.adapters.imports.ImportReport.Status;
import org.sscard.adapters.support.AdaptersTest;

class ImportTest extends AdaptersTest {

    private static final String NOTICE_HEADER =
            "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share";

    @Autowired
    Importer importer;

    private ImportReport importFile(String provider, String kind, Path file) {
        return importer.run(provider, kind, file, file.getFileName().toString(), null, "test", ImportProgress.NONE);
    }

    @Test
    void importsNoticesIntoTheProvidersOwnSchemaOnly() {
        Path file = csv(
                UTF_8,
                NOTICE_HEADER,
                "122382,鴨川,9101,00,2024-04,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9101,00,2024-05,亀田総合病院,入院,5,250000,75000");

        ImportReport report = importFile("kamogawa-nhi", "notices", file);

        assertThat(report.status()).isEqualTo(Status.IMPORTED);
        assertThat(report.rows()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id = '122382|鴨川|9101|00'"))
                .isEqualTo(2);
        assertThat(count("SELECT sum(own_share) FROM kamogawa_nhi.notice WHERE local_id = '122382|鴨川|9101|00'"))
                .isEqualTo(78600);
        assertThat(count("SELECT count(*) FROM kameda_kenpo.notice WHERE local_id LIKE '%|9101|%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id = '122382|鴨川|9101|00'"
                        + " AND action = 'NOTICES_IMPORTED'"))
                .isEqualTo(1);
    }

    @Test
    void decodesShiftJisAndNormalisesHalfWidthKanaAndFullWidthDigits() {
        Path file = csv(
                Charset.forName("windows-31j"),
                "保険者番号,記号,番号,枝番,本人家族,氏名,氏名カナ,生年月日,性別,資格取得日,負担割合,有効開始日",
                "122382,鴨川,９１０２,0,本人,鴨川　花子,ｶﾓｶﾞﾜ ﾊﾅｺ,1958/4/12,女,2019-04-01,３割,2024-08-01");

        ImportReport report = importFile("kamogawa-nhi", "eligibility", file);

        assertThat(report.status()).as(report.describe()).isEqualTo(Status.IMPORTED);
        assertThat(report.charset()).isEqualTo("windows-31j");
        var member = jdbc.sql("SELECT local_id, name_kanji, name_kana, copay_percent, date_of_birth::text AS dob"
                        + " FROM kamogawa_nhi.member WHERE number = '9102'")
                .query()
                .singleRow();
        assertThat(member.get("local_id")).isEqualTo("122382|鴨川|9102|00");
        assertThat(member.get("name_kana")).isEqualTo("カモガワ ハナコ");
        assertThat(member.get("name_kanji")).isEqualTo("鴨川 花子");
        assertThat(member.get("copay_percent")).isEqualTo(30);
        assertThat(member.get("dob")).isEqualTo("1958-04-12");
    }

    @Test
    void rejectsTheWholeFileAndReportsEveryBadValueWithLineAndColumn() {
        Path file = csv(
                UTF_8,
                NOTICE_HEADER,
                "122382,鴨川,9103,00,2024-04,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9103,00,2024-13,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9103,00,2024-06,亀田総合病院,外来,2,12000,13600",
                "06139999,10,9103,00,2024-07,亀田総合病院,往診,2,12000,3600",
                "122382,鴨川,9103,00,2024-08,亀田総合病院,外来,2");

        ImportReport report = importFile("kamogawa-nhi", "notices", file);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors())
                .extracting(RowError::line, RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "month"),
                        org.assertj.core.groups.Tuple.tuple(4L, "own_share"),
                        org.assertj.core.groups.Tuple.tuple(5L, "care_type"),
                        org.assertj.core.groups.Tuple.tuple(6L, "-"));
        assertThat(report.describe()).contains(":3: month: ").contains("nothing was loaded");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9103|%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.import_file WHERE sha256 = ?", report.sha256()))
                .isZero();
    }

    @Test
    void refusesAnotherInsurersRows() {
        Path file = csv(UTF_8, NOTICE_HEADER, "06139999,10,9104,00,2024-04,亀田総合病院,外来,2,12000,3600");

        ImportReport report = importFile("kamogawa-nhi", "notices", file);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors()).singleElement().extracting(RowError::column).isEqualTo("insurer_number");
    }

    @Test
    void reportsAMissingColumnAndAnUnknownOneInTheHeader() {
        Path file = csv(
                UTF_8,
                "insurer_number,symbol,number,branch,month,hospital,care_type,days,total_cost,own_share",
                "122382,鴨川,9105,00,2024-04,亀田総合病院,外来,2,12000,3600");

        ImportReport report = importFile("kamogawa-nhi", "notices", file);

        assertThat(report.errors())
                .extracting(RowError::line, RowError::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1L, "hospital"),
                        org.assertj.core.groups.Tuple.tuple(1L, "institution"));
    }

    @Test
    void theSameFileTwiceChangesNothing() {
        Path file = csv(UTF_8, NOTICE_HEADER, "122382,鴨川,9106,00,2024-04,亀田総合病院,外来,2,12000,3600");
        assertThat(importFile("kamogawa-nhi", "notices", file).status()).isEqualTo(Status.IMPORTED);

        ImportReport again = importFile("kamogawa-nhi", "notices", file);

        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9106|%'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id LIKE '%|9106|%'"))
                .isEqualTo(1);
    }

    @Test
    void aCorrectedResendReplacesTheMonthsItCoversAndNothingElse() {
        importFile(
                "kamogawa-nhi",
                "notices",
                csv(
                        UTF_8,
                        NOTICE_HEADER,
                        "122382,鴨川,9107,00,2024-04,亀田総合病院,外来,2,12000,3600",
                        "122382,鴨川,9107,00,2024-05,亀田総合病院,外来,1,5000,1500",
                        "122382,鴨川,9107,00,2024-05,鴨川薬局,調剤,1,3000,900",
                        "122382,鴨川,9108,00,2024-05,亀田総合病院,外来,1,7000,2100"));

        ImportReport corrected = importFile(
                "kamogawa-nhi",
                "notices",
                csv(UTF_8, NOTICE_HEADER, "122382,鴨川,9107,00,2024-05,亀田総合病院,外来,1,6000,1800"));

        assertThat(corrected.replaced()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT to_char(month, 'YYYY-MM') || ':' || own_share FROM kamogawa_nhi.notice"
                                + " WHERE local_id = '122382|鴨川|9107|00' ORDER BY month")
                        .query(String.class)
                        .list())
                .containsExactly("2024-04:3600", "2024-05:1800");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9108|%'"))
                .isEqualTo(1);
    }

    @Test
    void reImportingAnEligibilityFileThatChangesAMemberReplacesTheRow() {
        String header = "保険者番号,記号,番号,枝番,本人家族,氏名,氏名カナ,生年月日,性別,資格取得日,資格喪失日,負担割合,有効開始日";
        assertThat(importFile(
                                "kamogawa-nhi",
                                "eligibility",
                                csv(
                                        UTF_8,
                                        header,
                                        "122382,鴨川,9111,00,本人,鴨川 一,カモガワ ハジメ,1960-01-01,男,2019-04-01,,3割,2024-08-01",
                                        "122382,鴨川,9112,00,本人,鴨川 二,カモガワ ジ,1961-01-01,男,2019-04-01,,3割,2024-08-01"))
                        .status())
                .isEqualTo(Status.IMPORTED);

        ImportReport changed = importFile(
                "kamogawa-nhi",
                "eligibility",
                csv(
                        UTF_8,
                        header,
                        "122382,鴨川,9111,00,本人,鴨川 一,カモガワ ハジメ,1960-01-01,男,2019-04-01,2026-12-01,2割,2024-08-01"));

        assertThat(changed.status()).as(changed.describe()).isEqualTo(Status.IMPORTED);
        assertThat(changed.replaced()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT local_id || ':' || copay_percent || ':' || coalesce(lost_on::text, '-')"
                                + " FROM kamogawa_nhi.member WHERE number IN ('9111', '9112') ORDER BY local_id")
                        .query(String.class)
                        .list())
                .containsExactly("122382|鴨川|9111|00:20:2026-12-01", "122382|鴨川|9112|00:30:-");
    }

    @Test
    void aFileThatDiesWhileLoadingLeavesNothingHalfLoaded() {
        importFile(
                "kamogawa-nhi",
                "notices",
                csv(UTF_8, NOTICE_HEADER, "122382,鴨川,9109,00,2024-04,亀田総合病院,外来,2,12000,3600"));
        Path file = csv(
                UTF_8,
                NOTICE_HEADER,
                "122382,鴨川,9109,00,2024-04,亀田総合病院,外来,2,99000,29700",
                "122382,鴨川,9109,00,2024-05,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9109,00,2024-06,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9109,00,2024-07,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9109,00,2024-08,亀田総合病院,外来,2,12000,3600");
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() ->
                        importer.run("kamogawa-nhi", "notices", file, "dies.csv", null, "test", (phase, rows) -> {
                            if (phase.equals("loaded") && rows >= 2) {
                                seen.add(rows);
                                throw new IllegalStateException("the process dies here");
                            }
                        }))
                .hasMessageContaining("dies here");

        assertThat(seen).containsExactly(2L);
        assertThat(jdbc.sql("SELECT to_char(month, 'YYYY-MM') || ':' || own_share FROM kamogawa_nhi.notice"
                                + " WHERE local_id = '122382|鴨川|9109|00'")
                        .query(String.class)
                        .list())
                .containsExactly("2024-04:3600");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.import_file WHERE file_name = 'dies.csv'"))
                .isZero();
        assertThat(importFile("kamogawa-nhi", "notices", file).status()).isEqualTo(Status.IMPORTED);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9109|%'"))
                .isEqualTo(5);
    }

    @Test
    void pensionContributionsGoToThePensionSchemaAndDuplicatesAreReported() {
        Path duplicate = csv(
                UTF_8,
                "pension_number,fiscal_year,scheme,months,exempt_months,amount",
                "9109-000001,2020,国民年金,12,0,198480",
                "9109-000001,2020,NATIONAL,12,0,198480");
        ImportReport rejected = importFile("pension-office", "contributions", duplicate);
        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("duplicates line 2");
        });

        Path file = csv(
                UTF_8,
                "基礎年金番号,年度,制度,納付月数,免除月数,納付額",
                "9109-000001,2020,国民年金,12,0,198480",
                "9109-000001,2021,厚生年金,12,0,540000");
        assertThat(importFile("pension-office", "contributions", file).status()).isEqualTo(Status.IMPORTED);
        assertThat(count("SELECT sum(amount) FROM pension_office.contribution WHERE local_id = '9109-000001'"))
                .isEqualTo(738480);
    }

    @Test
    void aThirdInsurerIsOnlyConfiguration() {
        Path file = csv(UTF_8, NOTICE_HEADER, "122390,南房総,9110,00,2024-04,館山病院,外来,1,4000,1200");

        assertThat(importFile("minamiboso-nhi", "notices", file).status()).isEqualTo(Status.IMPORTED);
        assertThat(count("SELECT count(*) FROM minamiboso_nhi.notice")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9110|%'"))
                .isZero();
    }

    @Test
    void refusesAKindTheProviderDoesNotTake() {
        Path file = csv(UTF_8, NOTICE_HEADER);

        assertThatThrownBy(() -> importFile("pension-office", "notices", file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("contributions");
    }
}
