package org.sscard.adapters.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.ActiveProfiles;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/** The demo profile: the demo residents of the relay's DemoData see their own records, loaded by the import path. */
@ActiveProfiles({"test", "demo"})
class DemoDataTest extends AdaptersTest {

    @Autowired
    DemoImports demo;

    @Test
    void hanakoSeesHerEligibilityNoticesAndCheckupTrends() {
        String hanako = Tokens.person("122382|鴨川|1001|00", "kamogawa-nhi");

        JsonNode eligibility =
                Http.get(port, "/kamogawa-nhi/api/v1/eligibility", hanako).json();
        assertThat(eligibility.path("nameKana").asText()).isEqualTo("カモガワ ハナコ");
        JsonNode notices =
                Http.get(port, "/kamogawa-nhi/api/v1/notices?year=2025", hanako).json();
        assertThat(notices.path("lines").size()).isGreaterThan(5);
        assertThat(notices.path("years").toString()).contains("2024", "2025");
        JsonNode checkups =
                Http.get(port, "/kamogawa-nhi/api/v1/checkups", hanako).json();
        assertThat(checkups.path("trends").get(0).path("points").size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void sakuraIsADependantOfTheKenpoFromAShiftJisFileWithHalfWidthKana() {
        JsonNode sakura = Http.get(
                        port, "/kameda-kenpo/api/v1/eligibility", Tokens.person("06139999|10|2001|01", "kameda-kenpo"))
                .json();

        assertThat(sakura.path("relationship").asText()).isEqualTo("DEPENDANT");
        assertThat(sakura.path("nameKana").asText()).isEqualTo("アマツ サクラ");
    }

    @Test
    void kenLostHisKenpoCoverageOnTheFirstOfNovember() {
        JsonNode ken = Http.get(
                        port, "/kameda-kenpo/api/v1/eligibility", Tokens.person("06139999|10|2002|00", "kameda-kenpo"))
                .json();

        assertThat(ken.path("nameKana").asText()).isEqualTo("フトミ ケン");
        assertThat(ken.path("lostOn").asText()).isEqualTo("2026-11-01");
    }

    @Test
    void taroSeesHisPensionLabelledAsDemonstrationData() {
        JsonNode pension = Http.get(
                        port, "/pension-office/api/v1/pension", Tokens.person("2345-678901", "pension-office"))
                .json();

        assertThat(pension.path("demo").asBoolean()).isTrue();
        assertThat(pension.path("notice").asText()).contains("デモ");
        assertThat(pension.path("totalMonths").asInt()).isGreaterThan(400);
        assertThat(pension.path("projections").size()).isEqualTo(4);
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        long before = count("SELECT count(*) FROM kamogawa_nhi.notice");

        demo.run(new DefaultApplicationArguments());

        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.import_file WHERE imported_by = 'demo'"))
                .isEqualTo(3);
    }
}
