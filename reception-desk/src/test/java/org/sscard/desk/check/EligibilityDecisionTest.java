package org.sscard.desk.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sscard.common.time.PlatformDates;

/** The contract's decision rules, one outcome each, with stand-ins for the grant and the insurers. */
class EligibilityDecisionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final InsurerMapping NHI =
            new InsurerMapping("kamogawa-nhi", "鴨川市 国民健康保険", "Kamogawa City NHI", LocalDate.of(2026, 11, 1), null);
    private static final InsurerMapping KENPO = new InsurerMapping(
            "kameda-kenpo",
            "亀田健康保険組合",
            "Kameda Health Insurance Society",
            LocalDate.of(2015, 4, 1),
            LocalDate.of(2026, 10, 31));
    private static final CheckRequest SSN =
            CheckRequest.ssn("100000000006", "1968-05-05", Reason.CARD_UNREADABLE, TODAY);

    /** Grants asked, by audience (null: the relay's choice). */
    private final List<String> audiences = new ArrayList<>();

    private ReceptionGrants grants(String patientNumber, InsurerMapping... insurers) {
        return (actor, request, audience) -> {
            audiences.add(audience);
            String insurer = audience != null ? audience : insurers[0].key();
            return new GrantAnswer.Granted("token-" + insurer, insurer, patientNumber, Arrays.asList(insurers));
        };
    }

    private ReceptionGrants refusing(GrantError error, String patientNumber) {
        return (actor, request, audience) -> {
            audiences.add(audience);
            return new GrantAnswer.Refused(error, patientNumber);
        };
    }

    private static Insurers answering(Map<String, InsurerAnswer> answers) {
        return (insurer, token) -> {
            assertThat(token).isEqualTo("token-" + insurer);
            return answers.getOrDefault(insurer, new InsurerAnswer.NoRecord());
        };
    }

    private static InsurerAnswer record(LocalDate acquired, LocalDate lost) {
        return record("06139999", "2002", acquired, lost, null);
    }

    private static InsurerAnswer record(
            String insurerNumber, String number, LocalDate acquired, LocalDate lost, LocalDate validTo) {
        return new InsurerAnswer.Found(new Eligibility(
                insurerNumber,
                "10",
                number,
                "00",
                "本人",
                "太海 健",
                "フトミ ケン",
                LocalDate.of(1968, 5, 5),
                "男",
                acquired,
                lost,
                30,
                null,
                null,
                validTo));
    }

    private Decision decide(ReceptionGrants grants, Insurers insurers) {
        return new EligibilityDecision(grants, insurers, 3).decide("clerk-token", SSN, TODAY);
    }

    @Test
    void findsValidCoverageWithThePatientNumber() {
        Decision decision = decide(
                grants("P0067890", NHI), answering(Map.of("kamogawa-nhi", record(LocalDate.of(2026, 11, 1), null))));

        assertThat(decision.outcome()).isEqualTo(Outcome.VALID);
        assertThat(decision.patientNumber()).isEqualTo("P0067890");
        assertThat(decision.coverage().insurerName()).isEqualTo("鴨川市 国民健康保険");
        assertThat(decision.insurer()).isEqualTo("kamogawa-nhi");
        assertThat(audiences).containsExactly((String) null);
    }

    @Test
    void coverageLostTodayIsLostWithItsDate() {
        Decision decision =
                decide(grants(null, KENPO), answering(Map.of("kameda-kenpo", record(LocalDate.of(2015, 4, 1), TODAY))));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOST);
        assertThat(decision.coverage().lostOn()).isEqualTo(TODAY);
        assertThat(decision.newCoverage()).isNull();
        assertThat(decision.patientNumber()).isNull();
    }

    @Test
    void asksTheOlderInsurerOnceWhenTheNewestHasNoRecordAndNamesTheNewInsurer() {
        Decision decision = decide(
                grants("P0067890", NHI, KENPO),
                answering(Map.of("kameda-kenpo", record(LocalDate.of(2015, 4, 1), LocalDate.of(2026, 11, 1)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOST_WITH_NEW_COVERAGE_KNOWN);
        assertThat(decision.newCoverage()).isEqualTo(new NewCoverage("kamogawa-nhi", NHI.nameJa(), NHI.nameEn()));
        assertThat(decision.coverage().lostOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(decision.insurer()).isEqualTo("kameda-kenpo");
        assertThat(audiences).containsExactly(null, "kameda-kenpo");
    }

    @Test
    void noRecordAnywhereIsNoneAndNoInsurerIsAskedTwice() {
        Decision decision = decide(grants("P0067890", NHI, KENPO), answering(Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
        assertThat(decision.patientNumber()).isEqualTo("P0067890");
        assertThat(audiences).containsExactly(null, "kameda-kenpo");
    }

    @Test
    void asksAtMostTheConfiguredNumberOfInsurers() {
        InsurerMapping third = new InsurerMapping("third", "第三", "Third", LocalDate.of(2000, 1, 1), null);
        InsurerMapping fourth = new InsurerMapping("fourth", "第四", "Fourth", LocalDate.of(1990, 1, 1), null);

        Decision decision = decide(grants(null, NHI, KENPO, third, fourth), answering(Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
        assertThat(audiences).containsExactly(null, "kameda-kenpo", "third");
    }

    @Test
    void aPersonWithoutAnyInsurerIsNoneWithThePatientNumberAuthServiceGave() {
        Decision decision = decide(refusing(GrantError.NO_COVERAGE, "P0099999"), answering(Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
        assertThat(decision.patientNumber()).isEqualTo("P0099999");
    }

    @Test
    void twoCoveragesValidTodayAreSeveral() {
        InsurerMapping otherCurrent =
                new InsurerMapping("kameda-kenpo", "亀田健康保険組合", "Kameda", LocalDate.of(2015, 4, 1), null);

        Decision decision = decide(
                grants(null, NHI, otherCurrent),
                answering(Map.of("kamogawa-nhi", record(LocalDate.of(2026, 11, 1), null))));

        assertThat(decision.outcome()).isEqualTo(Outcome.SEVERAL);
        assertThat(decision.coverage()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "CARD_REVOKED, CARD_REVOKED",
        "CARD_SUSPENDED, CARD_SUSPENDED",
        "CARD_EXPIRED, CARD_EXPIRED",
        "CARD_UNKNOWN, CARD_UNKNOWN",
        "PERSON_NOT_MATCHED, NOT_MATCHED"
    })
    void refusesWhatThePlatformRefusedWithoutAskingAnInsurer(GrantError error, Refusal refusal) {
        List<String> insurersAsked = new ArrayList<>();
        Decision decision = decide(refusing(error, null), (insurer, token) -> {
            insurersAsked.add(insurer);
            return new InsurerAnswer.NoRecord();
        });

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(decision.refusal()).isEqualTo(refusal);
        assertThat(decision.patientNumber()).isNull();
        assertThat(insurersAsked).isEmpty();
        assertThat(new OutcomeWords(new PlatformDates()).of(decision).ja()).contains("紙の保険証");
    }

    @Test
    void aPlatformThatDoesNotAnswerIsNotCompleted() {
        Decision decision = decide(refusing(GrantError.TEMPORARILY_UNAVAILABLE, null), answering(Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_COMPLETED);
        assertThat(new OutcomeWords(new PlatformDates()).of(decision).en())
                .contains("Confirm with the paper insurance card");
    }

    @Test
    void anInsurerThatDoesNotAnswerIsNotCompletedAndKeepsThePatientNumber() {
        Decision decision = decide(
                grants("P0067890", NHI, KENPO),
                (insurer, token) -> new InsurerAnswer.Unavailable("no answer within 3s"));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_COMPLETED);
        assertThat(decision.patientNumber()).isEqualTo("P0067890");
        assertThat(audiences).containsExactly((String) null);
    }

    @Test
    void theClerksOwnTokenRefusedIsNoOutcomeButALoginToRenew() {
        assertThatThrownBy(() -> decide(refusing(GrantError.INVALID_GRANT, null), answering(Map.of())))
                .isInstanceOf(ClerkLoginRejectedException.class);
    }

    @Test
    void saysTheLossDateAndTheNewInsurerInBothLanguages() {
        Decision decision = decide(
                grants("P0067890", NHI, KENPO),
                answering(Map.of("kameda-kenpo", record(LocalDate.of(2015, 4, 1), LocalDate.of(2026, 11, 1)))));

        Message message = new OutcomeWords(new PlatformDates()).of(decision);

        assertThat(message.ja()).contains("令和8年（2026年）11月1日", "鴨川市 国民健康保険");
        assertThat(message.en()).contains("1 November 2026", "Kamogawa City NHI");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {"-, 2002, 2026-11-01", "06139999, -, 2026-11-01", "06139999, 2002, -", "'', 2002, 2026-11-01"})
    void anIncompleteInsurerAnswerIsNotCompleted(String insurerNumber, String number, LocalDate acquired) {
        Decision decision = decide(
                grants("P0067890", NHI, KENPO),
                answering(Map.of("kamogawa-nhi", record(insurerNumber, number, acquired, null, null))));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_COMPLETED);
        assertThat(decision.coverage()).isNull();
        assertThat(decision.patientNumber()).isEqualTo("P0067890");
        assertThat(audiences).containsExactly((String) null);
        assertThat(new OutcomeWords(new PlatformDates()).of(decision).ja()).contains("紙の保険証");
        assertThat(new OutcomeWords(new PlatformDates()).of(decision).en())
                .contains("Confirm with the paper insurance card");
    }

    @Test
    void anEmptyInsurerAnswerIsNotCompleted() {
        Decision decision = decide(grants(null, NHI), answering(Map.of("kamogawa-nhi", new InsurerAnswer.Found(null))));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_COMPLETED);
    }

    @Test
    void aRecordPastItsValidityEndIsLost() {
        Decision decision = decide(
                grants("P0067890", KENPO),
                answering(Map.of(
                        "kameda-kenpo",
                        record("06139999", "2002", LocalDate.of(2015, 4, 1), null, LocalDate.of(2026, 10, 31)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOST);
        assertThat(decision.coverage().lostOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(new OutcomeWords(new PlatformDates()).of(decision).en()).contains("1 November 2026");
    }

    @Test
    void aRecordValidToTodayIsStillValid() {
        Decision decision = decide(
                grants(null, NHI),
                answering(Map.of("kamogawa-nhi", record("00138999", "1007", LocalDate.of(2026, 11, 1), null, TODAY))));

        assertThat(decision.outcome()).isEqualTo(Outcome.VALID);
        assertThat(decision.coverage().lostOn()).isNull();
    }

    @Test
    void theLossDateTheInsurerWroteWinsOverTheValidityEnd() {
        Decision decision = decide(
                grants(null, KENPO),
                answering(Map.of(
                        "kameda-kenpo",
                        record(
                                "06139999",
                                "2002",
                                LocalDate.of(2015, 4, 1),
                                LocalDate.of(2026, 10, 15),
                                LocalDate.of(2026, 10, 31)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOST);
        assertThat(decision.coverage().lostOn()).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    // previous coverage (issue 18): the newest insurer answers valid, an older mapping ended within the last 366 days

    private static InsurerMapping kenpoEndedOn(LocalDate validTo) {
        return new InsurerMapping(
                "kameda-kenpo", "亀田健康保険組合", "Kameda Health Insurance Society", LocalDate.of(2015, 4, 1), validTo);
    }

    private Decision validAtTheCityWith(InsurerMapping... older) {
        InsurerMapping[] all = new InsurerMapping[older.length + 1];
        all[0] = NHI;
        System.arraycopy(older, 0, all, 1, older.length);
        return decide(
                grants("P0067890", all), answering(Map.of("kamogawa-nhi", record(LocalDate.of(2026, 11, 1), null))));
    }

    @Test
    void aValidCoverageNamesThePreviousInsurerAndTheDayAfterItsValidityEnded() {
        Decision decision = validAtTheCityWith(KENPO);

        assertThat(decision.outcome()).isEqualTo(Outcome.VALID);
        assertThat(decision.previousCoverage())
                .isEqualTo(
                        new PreviousCoverage("亀田健康保険組合", "Kameda Health Insurance Society", LocalDate.of(2026, 11, 1)));
        assertThat(decision.coverage().insurerName()).isEqualTo("鴨川市 国民健康保険");
        assertThat(audiences).as("the previous insurer is not asked").containsExactly((String) null);
    }

    @Test
    void aPreviousCoverageEndedExactly366DaysAgoIsStillNamedOneDayEarlierIsNot() {
        assertThat(validAtTheCityWith(kenpoEndedOn(TODAY.minusDays(366))).previousCoverage())
                .extracting(PreviousCoverage::lostOn)
                .isEqualTo(TODAY.minusDays(365));
        assertThat(validAtTheCityWith(kenpoEndedOn(TODAY.minusDays(367))).previousCoverage())
                .isNull();
    }

    @Test
    void aPreviousCoverageEndingTodayIsSeveralNotPrevious() {
        Decision decision = validAtTheCityWith(kenpoEndedOn(TODAY));

        assertThat(decision.outcome()).isEqualTo(Outcome.SEVERAL);
        assertThat(decision.previousCoverage()).isNull();
    }

    @Test
    void theNewestOfSeveralEndedInsurersIsThePreviousOne() {
        InsurerMapping older = new InsurerMapping(
                "old-kenpo", "旧健保", "Old Society", LocalDate.of(2010, 4, 1), LocalDate.of(2026, 3, 31));

        assertThat(validAtTheCityWith(older, KENPO).previousCoverage())
                .as("the list is newest first: the first ended one after the answering insurer")
                .extracting(PreviousCoverage::insurerNameJa)
                .isEqualTo("旧健保");
        assertThat(validAtTheCityWith(KENPO, older).previousCoverage())
                .extracting(PreviousCoverage::insurerNameJa)
                .isEqualTo("亀田健康保険組合");
    }

    @Test
    void aValidCoverageWithoutAnEndedInsurerHasNoPreviousCoverage() {
        assertThat(validAtTheCityWith().previousCoverage()).isNull();
    }

    @Test
    void lostOutcomesCarryNoPreviousCoverage() {
        Decision decision = decide(
                grants("P0067890", NHI, KENPO),
                answering(Map.of("kameda-kenpo", record(LocalDate.of(2015, 4, 1), LocalDate.of(2026, 11, 1)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOST_WITH_NEW_COVERAGE_KNOWN);
        assertThat(decision.previousCoverage()).isNull();
    }

    @Test
    void saysThePreviousCoverageAndItsLossDateInBothLanguages() {
        Message message = new OutcomeWords(new PlatformDates()).of(validAtTheCityWith(KENPO));

        assertThat(message.ja())
                .startsWith("有効な保険資格を確認しました。")
                .contains("前の保険 亀田健康保険組合: 令和8年（2026年）11月1日 に資格喪失 — 新しい保険者で確認済み");
        assertThat(message.en())
                .startsWith("Valid health insurance coverage confirmed.")
                .contains("Previous coverage at Kameda Health Insurance Society lost on 1 November 2026")
                .contains("the new insurer confirmed");
    }
}
