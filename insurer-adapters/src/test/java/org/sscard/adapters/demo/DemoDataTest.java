package org.sscard.adapters.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * The demo profile: the demo residents of the relay's DemoData see their own records, loaded by the import path.
 * (This context pushes nothing: the tests' main context runs the linkage pollers over the same database.)
 */
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = "sscard.adapters.linkage.enabled=false")
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

    /**
     * Every demo member carries the address and provisional SSN the relay's demo has for that person (relay
     * demo/DemoData.java), so the relay's five-item gate finds each one already linked: the first import links
     * nothing new and opens no review. Each joined event carries them.
     */
    @Test
    void everyDemoMemberCarriesTheRelaysAddressAndSsnForThatPerson() {
        Map<String, String> expected = Map.of(
                "kamogawa_nhi|122382|鴨川|1001|00", "100000000001 千葉県鴨川市横渚1001-1 コーポ横渚 101",
                "kamogawa_nhi|122382|鴨川|1002|00", "100000000002 千葉県鴨川市釜沼200",
                "kamogawa_nhi|122382|鴨川|1005|00", "100000000005 千葉県鴨川市江見太夫崎50ー2",
                "kamogawa_nhi|122382|鴨川|1007|00", "100000000007 千葉県鴨川市前原300-8 メゾン前原 202",
                "kameda_kenpo|06139999|10|2001|00", "100000000003 千葉県鴨川市天津3000-12",
                "kameda_kenpo|06139999|10|2001|01", "100000000004 千葉県鴨川市天津3000-12",
                "kameda_kenpo|06139999|10|2002|00", "100000000006 千葉県鴨川市太海2000-3");
        Map<String, String> members = new java.util.HashMap<>();
        Map<String, String> joined = new java.util.HashMap<>();
        for (String schema : List.of("kamogawa_nhi", "kameda_kenpo")) {
            jdbc.sql("SELECT local_id, provisional_ssn || ' ' || address AS v FROM " + schema + ".member"
                            + " WHERE number IN ('1001', '1002', '1005', '1007', '2001', '2002')")
                    .query((rs, n) -> members.put(schema + "|" + rs.getString("local_id"), rs.getString("v")))
                    .list();
            jdbc.sql("SELECT subject, (payload->>'provisionalSsn') || ' ' || (payload->>'address') AS v FROM " + schema
                            + ".linkage_outbox WHERE type = 'MEMBER_JOINED' AND payload->>'number' IN ('1001', '1002',"
                            + " '1005', '1007', '2001', '2002')")
                    .query((rs, n) -> joined.put(schema + "|" + rs.getString("subject"), rs.getString("v")))
                    .list();
        }

        assertThat(members).isEqualTo(expected);
        assertThat(joined).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT payload->>'reason' FROM kameda_kenpo.linkage_outbox WHERE type = 'MEMBER_LEFT'"
                                + " AND subject = '06139999|10|2002|00'")
                        .query(String.class)
                        .list())
                .as("Ken's loss, from the Shift_JIS file")
                .containsExactly("退職");
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
