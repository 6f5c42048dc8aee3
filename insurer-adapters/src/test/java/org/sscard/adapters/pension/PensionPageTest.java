package org.sscard.adapters.pension;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

class PensionPageTest extends AdaptersTest {

    @Autowired
    Importer importer;

    @Test
    void thePensionPageIsLabelledDemonstrationDataAndShowsTheRecord() {
        importer.run(
                "pension-office",
                "projections",
                csv(
                        UTF_8,
                        "pension_number,start_age,annual_basic,annual_employees,as_of",
                        "9501-000001,65,780000,214000,2018-03-31"),
                "p.csv",
                null,
                "test",
                ImportProgress.NONE);

        Http.Response response = Http.get(
                port, "/pension-office/pension", Tokens.person("9501-000001", "pension-office"), "Accept", "text/html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("デモ用の架空データです")
                .contains("Demonstration data only")
                .contains("基礎年金番号")
                .contains("<strong>9501-000001</strong>")
                .contains("994,000円")
                .contains("試算日 平成30年（2018年）3月31日 / as of 31 March 2018 (Heisei 30)");
        assertThat(Http.get(port, "/pension-office/api/v1/summary", Tokens.person("9501-000001", "pension-office"))
                        .json()
                        .path("projectedAnnualAt65")
                        .asLong())
                .isEqualTo(994000);
    }
}
