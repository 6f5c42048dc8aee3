package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each outcome of the desk and each refusal of the API to its exit code, and the answer in plain words. */
class OutcomeExitCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "VALID, 0",
        "LOST, 3",
        "LOST_WITH_NEW_COVERAGE_KNOWN, 3",
        "NONE, 3",
        "SEVERAL, 3",
        "REFUSED, 4",
        "NOT_COMPLETED, 5",
        "SOMETHING_NEW, 1"
    })
    void mapsEachOutcomeToItsExitCode(String outcome, int exitCode) {
        assertThat(Outcome.exitCodeOf(outcome)).isEqualTo(exitCode);
    }

    @ParameterizedTest
    @CsvSource({"401, 1", "403, 1", "400, 1", "429, 1", "500, 1", "502, 5", "503, 5", "504, 5"})
    void mapsEachRefusalOfTheApiToItsExitCode(int status, int exitCode) throws Exception {
        JsonNode problem = JSON.readTree("{\"title\":\"Too many checks\",\"detail\":\"60 in 10 minutes\"}");

        CliFailure failure =
                CheckCommand.deskRefused(new DeskClient.Answer(status, problem.toString(), problem, "120"));

        assertThat(failure.exitCode()).isEqualTo(exitCode);
        assertThat(failure.getMessage()).contains("Too many checks: 60 in 10 minutes");
        if (status == 429) {
            assertThat(failure.getMessage()).contains("try again in 120 s");
        }
        if (exitCode == 5) {
            assertThat(failure.getMessage()).contains("紙の保険証で確認してください").contains("paper insurance card");
        }
    }

    @Test
    void saysLostCoverageWithItsDateAndTheNewInsurerJapaneseFirst() throws Exception {
        String printed = print("""
                {"checkId":"7d3c","checkedAt":"2026-11-02T00:30:00Z","outcome":"LOST_WITH_NEW_COVERAGE_KNOWN",
                 "message":{"ja":"資格を喪失しています。新しい保険者が分かっています。",
                            "en":"Coverage lost; the new insurer is known."},
                 "coverage":{"insurerNumber":"06139999","insurerName":"亀田健康保険組合","symbol":"10","number":"2002",
                   "branch":"00","nameKanji":"太海 健","nameKana":"フトミ ケン","dateOfBirth":"1968-05-05",
                   "sex":"男","relationship":"本人","copayPercent":30,"limitCategory":null,
                   "acquiredOn":"2015-04-01","lostOn":"2026-10-31"},
                 "newCoverage":{"insurerKey":"kamogawa-nhi","nameJa":"鴨川市国民健康保険","nameEn":"Kamogawa City NHI"},
                 "patientNumber":"P0067890","statement":"a.b.c"}""");

        assertThat(printed.indexOf("資格を喪失しています")).isLessThan(printed.indexOf("Coverage lost"));
        assertThat(printed)
                .contains("患者番号: P0067890")
                .contains("Patient number: P0067890")
                .contains("資格喪失日: 令和8年（2026年）10月31日")
                .contains("Lost on: 31 October 2026 (Reiwa 8)")
                .contains("生年月日: 昭和43年（1968年）5月5日")
                .contains("負担割合: 3割")
                .contains("Co-payment: 30 %")
                .contains("性別: 男")
                .contains("Sex: male")
                .contains("Insured or dependant: insured person")
                .contains("新しい保険者: 鴨川市国民健康保険 (kamogawa-nhi)")
                .contains("New insurer: Kamogawa City NHI (kamogawa-nhi)")
                .contains("確認日時: 令和8年（2026年）11月2日 09:30 JST");
    }

    @Test
    void saysThePreviousCoverageOfAValidCheckWithItsLossDate() throws Exception {
        String printed = print("""
                {"checkId":"7d3f","checkedAt":"2026-12-07T01:15:00Z","outcome":"VALID",
                 "message":{"ja":"有効な保険資格を確認しました。","en":"Valid health insurance coverage confirmed."},
                 "coverage":{"insurerNumber":"00138999","insurerName":"鴨川市 国民健康保険","number":"1007",
                   "acquiredOn":"2026-12-01"},
                 "newCoverage":null,
                 "previousCoverage":{"insurerNameJa":"亀田健康保険組合",
                   "insurerNameEn":"Kameda Health Insurance Society","lostOn":"2026-12-01"},
                 "patientNumber":"P0067890","statement":"a.b.c"}""");

        assertThat(printed)
                .contains("前の保険: 亀田健康保険組合 — 令和8年（2026年）12月1日 に資格喪失（新しい保険者で確認済み）")
                .contains("Previous coverage: Kameda Health Insurance Society — lost on 1 December 2026 (Reiwa 8)"
                        + " (the new insurer confirmed)");
        assertThat(Outcome.exitCodeOf("VALID")).as("still VALID").isZero();
    }

    @Test
    void saysNoPreviousCoverageWhenTheAnswerHasNone() throws Exception {
        String printed = print("""
                {"checkId":"7d40","checkedAt":"2026-12-07T01:15:00Z","outcome":"VALID",
                 "message":{"ja":"有効な保険資格を確認しました。","en":"Valid health insurance coverage confirmed."},
                 "coverage":{"insurerNumber":"00138999"},"patientNumber":"P0067890","statement":"a.b.c"}""");

        assertThat(printed).doesNotContain("前の保険").doesNotContain("Previous coverage");
    }

    @Test
    void saysARefusalAndThatThePatientIsNotRegisteredHere() throws Exception {
        String printed = print("""
                {"checkId":"7d3d","checkedAt":"2026-11-02T00:31:00Z","outcome":"REFUSED","refusal":"CARD_SUSPENDED",
                 "message":{"ja":"このカードは一時停止されています。","en":"This card is suspended."},
                 "coverage":null,"newCoverage":null,"patientNumber":null,"statement":"a.b.c"}""");

        assertThat(printed)
                .contains("このカードは一時停止されています。")
                .contains("This card is suspended.")
                .contains("理由: CARD_SUSPENDED")
                .contains("患者番号: 当院未登録")
                .contains("Patient number: not yet registered here")
                .doesNotContain("保険者:");
    }

    @Test
    void saysConfirmWithThePaperCardWhenTheCheckWasNotCompleted() throws Exception {
        String printed = print("""
                {"checkId":"7d3e","checkedAt":"2026-11-02T00:32:00Z","outcome":"NOT_COMPLETED",
                 "message":{"ja":"保険者に接続できませんでした。","en":"The insurer could not be reached."},
                 "coverage":null,"newCoverage":null,"patientNumber":"P0012345","statement":"a.b.c"}""");

        assertThat(printed)
                .contains("保険者に接続できませんでした。\n紙の保険証で確認してください。")
                .contains("The insurer could not be reached.\nConfirm with the paper insurance card.");
    }

    private static String print(String answer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnswerPrinter.print(JSON.readTree(answer), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
