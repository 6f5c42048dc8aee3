package org.sscard.adapters.insurer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

class PagesTest extends AdaptersTest {

    private static final String JIRO = "122382|鴨川|9401|00";

    @Autowired
    Importer importer;

    @BeforeEach
    void records() {
        run(
                "eligibility",
                "insurer_number,symbol,number,branch,relationship,name_kanji,name_kana,date_of_birth,sex,"
                        + "acquired_on,copay,valid_from",
                "122382,鴨川,9401,00,本人,江見 次郎,エミ ジロウ,1962-09-30,男,2019-05-01,3割,2024-08-01");
        run(
                "notices",
                "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share",
                "122382,鴨川,9401,00,2024-04,亀田総合病院,外来,2,12000,3600",
                "122382,鴨川,9401,00,2024-11,鴨川中央薬局,調剤,1,4000,1200",
                "122382,鴨川,9401,00,2025-01,亀田総合病院,入院,5,250000,75000");
        run(
                "checkups",
                "insurer_number,symbol,number,branch,checked_on,program,item_code,item_name_ja,item_name_en,"
                        + "value,unit,ref_low,ref_high",
                "122382,鴨川,9401,00,2023-05-22,特定健診,HBA1C,HbA1c,HbA1c,5.4,%,,5.5",
                "122382,鴨川,9401,00,2024-05-20,特定健診,HBA1C,HbA1c,HbA1c,5.9,%,,5.5");
    }

    private void run(String kind, String... lines) {
        importer.run("kamogawa-nhi", kind, csv(UTF_8, lines), kind + ".csv", null, "test", ImportProgress.NONE);
    }

    private Http.Response page(String path) {
        return Http.get(port, "/kamogawa-nhi/" + path, Tokens.person(JIRO, "kamogawa-nhi"), "Accept", "text/html");
    }

    @Test
    void eligibilityShowsPlatformDatesWithTheEraFirstAndTheWesternYearBeside() {
        String html = page("eligibility").body();

        assertThat(html)
                .contains("江見 次郎")
                .contains("昭和37年（1962年）9月30日")
                .contains("令和元年（2019年）5月1日")
                .contains("3割 (30%)");
    }

    @Test
    void noticesShowAYearWithTotalsRelativeLinksAndThePdfLink() {
        Http.Response response = page("notices?year=2024");

        assertThat(response.status()).isEqualTo(200);
        String html = response.body();
        assertThat(html)
                .contains("令和6年（2024年）")
                .contains("令和6年（2024年）4月")
                .contains("4,800円")
                .contains("href=\"notices/2024.pdf\"")
                .contains("href=\"notices?year=2025\"")
                .contains("href=\"assets/site.css\"")
                .doesNotContain("href=\"/")
                .doesNotContain("250,000円");
    }

    @Test
    void checkupsShowTheTrendAndFlagAValueAboveTheRange() {
        String html = page("checkups").body();

        assertThat(html).contains("経年変化").contains("5.4").contains("5.9").contains("高い (high)");
    }

    @Test
    void aYearsNoticesDownloadAsAPdfWithJapaneseText() throws Exception {
        Http.Response response = page("notices/2024.pdf");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        java.nio.file.Files.write(
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                        .resolve("notices.pdf"),
                response.bytes());
        try (PDDocument pdf = Loader.loadPDF(response.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("医療費のお知らせ")
                    .contains("江見 次郎")
                    .contains("4,800円")
                    .contains("令和6年（2024年） 1月")
                    .contains("January to December 2024 (Reiwa 6)")
                    .doesNotContain("75,000円");
        }
    }

    @Test
    void theStylesheetIsServedUnderTheProviderAndSetsLargeType() {
        Http.Response css = Http.get(port, "/kamogawa-nhi/assets/site.css", null);

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains("font-size: 22px");
    }

    @Test
    void anInsurerHasNoPensionPage() {
        Http.Response response = page("pension");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("このページはありません");
    }
}
