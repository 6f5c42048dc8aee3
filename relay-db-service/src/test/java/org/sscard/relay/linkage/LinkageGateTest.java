package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five-item gate, through the push as insurer-adapters makes it: a joiner is linked only when kana name, kanji
 * name, date of birth, sex and address are all present on both sides and agree (normalised alike); anything less
 * waits in the review queue and is never linked by guess.
 */
class LinkageGateTest extends LinkageApiTest {

    private static final String LINKED =
            "insurer-adapters - MEMBER_LINKED test-nhi 保険者間連携（5項目一致）/ linkage (five items agree)";
    private static final String REVIEW_OPENED =
            "insurer-adapters - LINK_REVIEW_OPENED test-nhi 保険者間連携 / inter-insurer linkage";

    @Test
    void linksWhenAllFiveAgreeWrittenHalfWidthWithOtherSpacesAndDashes() {
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put("nameKana", "ｶﾓｶﾞﾜ　 ﾊﾅｺ");
        payload(joined).put("nameKanji", " 鴨川　花子");
        payload(joined).put("address", "千葉県鴨川市横渚1001ー1　コーポ横渚 101");

        JsonNode answer = pushed(NHI, joined);

        assertThat(answer.path("applied").asInt()).isEqualTo(1);
        assertThat(answer.path("duplicates").asInt()).isZero();
        assertThat(mappings(resident, NHI)).containsExactly(localId(NHI, number) + " ACTIVE 2026-04-01.. AUTOMATIC");
        assertThat(reviews(NHI, number)).isEmpty();
        assertThat(accessLog(resident, "MEMBER_LINKED", "LINK_REVIEW_OPENED")).containsExactly(LINKED);
        assertThat(linkageOutcome(NHI, number)).containsExactly("RECEIVED MEMBER_JOINED LINKED");
        // the ID fields as the relay's other look-ups read them
        assertThat(jdbc.sql("""
                        SELECT insurer_number || ' ' || insurance_symbol || ' ' || insurance_number || ' '
                               || insurance_branch FROM service_mapping WHERE person_id = :person""")
                        .param("person", resident.row())
                        .query(String.class)
                        .single())
                .isEqualTo(TEST_NHI_INSURER_NUMBER + " 10 " + number + " 00");
    }

    @ParameterizedTest
    @CsvSource({
        "nameKana, カモガワ ハナエ, KANA_NAME",
        "nameKanji, 鴨川 花江, KANJI_NAME",
        "dateOfBirth, 1958-04-13, DATE_OF_BIRTH",
        "sex, MALE, SEX",
        "address, 千葉県鴨川市横渚1001-2 コーポ横渚 101, ADDRESS"
    })
    void anItemThatDiffersSendsTheRecordToReview(String field, String value, String item) {
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put(field, value);

        assertThat(pushed(NHI, joined).path("applied").asInt()).isEqualTo(1);

        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"" + item + "\"]");
        assertThat(accessLog(resident, "MEMBER_LINKED", "LINK_REVIEW_OPENED")).containsExactly(REVIEW_OPENED);
        assertThat(linkageOutcome(NHI, number)).containsExactly("RECEIVED MEMBER_JOINED IN_REVIEW");
    }

    @ParameterizedTest
    @CsvSource({
        "nameKana, KANA_NAME",
        "nameKanji, KANJI_NAME",
        "dateOfBirth, DATE_OF_BIRTH",
        "sex, SEX",
        "address, ADDRESS"
    })
    void anItemMissingInTheInsurersRecordSendsItToReview(String field, String item) {
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).remove(field);

        pushed(NHI, joined);

        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"" + item + "\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOT_KNOWN", "NOT_APPLICABLE", "X"})
    void aSexNeitherMaleNorFemaleInThePushIsMissingAndTheRecordWaits(String sex) {
        Resident resident = resident();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put("sex", sex);

        assertThat(pushed(NHI, joined).path("applied").asInt()).isEqualTo(1);

        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"SEX\"]");
        assertThat(jdbc.sql(
                                "SELECT coalesce(provider_record ->> 'sex', 'missing') FROM link_review WHERE local_id = :local")
                        .param("local", localId(NHI, number))
                        .query(String.class)
                        .single())
                .isEqualTo("missing");
    }

    @Test
    void aResidentWhoseSexTheRelayDoesNotKnowIsNeverLinkedAutomatically() {
        Resident resident = resident();
        jdbc.sql("UPDATE person SET sex = 'NOT_KNOWN' WHERE id = :id")
                .param("id", resident.row())
                .update();
        String number = number();
        Map<String, Object> joined = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(joined).put("sex", "NOT_KNOWN");

        pushed(NHI, joined);

        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"SEX\"]");
    }

    @ParameterizedTest
    @CsvSource({"nameKanji, KANJI_NAME", "address, ADDRESS"})
    void anItemTheRelayDoesNotHaveSendsTheRecordToReview(String field, String item) {
        Resident resident = residentWithout(field);
        String number = number();

        pushed(NHI, joined(NHI, resident, number, LocalDate.of(2026, 4, 1)));

        assertThat(mappingsOf(NHI, number)).isZero();
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"" + item + "\"]");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aJoinerWithoutAnSsnOrWithOneNobodyHasWaitsWithoutACandidate(boolean withSsn) {
        String number = number();
        Map<String, Object> joined = joined(NHI, null, number, LocalDate.of(2026, 4, 1));
        if (withSsn) {
            payload(joined).put("provisionalSsn", newProvisionalSsn());
        }
        int logged = count("access_log");

        pushed(NHI, joined);

        assertThat(reviews(NHI, number)).containsExactly("NO_CANDIDATE OPEN []");
        assertThat(count("access_log")).as("nobody to log").isEqualTo(logged);
    }

    @Test
    void aResidentWhoMovedOutIsNeverLinkedAutomatically() {
        Resident resident = resident();
        assertThat(city().post("/api/v1/persons/" + resident.id() + "/status", Map.of("status", "MOVED_OUT"))
                        .status())
                .isEqualTo(200);
        String number = number();

        pushed(NHI, joined(NHI, resident, number, LocalDate.of(2026, 4, 1)));

        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"PERSON_NOT_ACTIVE\"]");
    }

    @Test
    void aRecordTheInsurerHasMappedAlreadyChangesNothingWhenItArrivesAgainUnderANewEventId() {
        Resident resident = resident();
        String number = number();
        pushed(NHI, joined(NHI, resident, number, LocalDate.of(2026, 4, 1)));

        // e.g. the first import into an empty member table: JOINED for every row, the relay maps them already
        JsonNode again = pushed(NHI, joined(NHI, resident, number, LocalDate.of(2026, 4, 1)));

        assertThat(again.path("applied").asInt()).isEqualTo(1);
        assertThat(mappingsOf(NHI, number)).isEqualTo(1);
        assertThat(accessLog(resident, "MEMBER_LINKED")).hasSize(1);
        assertThat(linkageOutcome(NHI, number))
                .containsExactly("RECEIVED MEMBER_JOINED LINKED", "RECEIVED MEMBER_JOINED ALREADY_LINKED");
    }

    @Test
    void aNewerJoinerForARecordInReviewReplacesTheReviewOrLinksWhenItsItemsNowAgree() {
        Resident resident = resident();
        String number = number();
        Map<String, Object> first = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(first).put("address", "千葉県鴨川市横渚1");
        pushed(NHI, first);
        // the same record again (a first import): the review stays as it is, opened once
        Map<String, Object> same = joined(NHI, resident, number, LocalDate.of(2026, 4, 1));
        payload(same).put("address", "千葉県鴨川市横渚1");
        pushed(NHI, same);
        assertThat(reviews(NHI, number)).containsExactly("MISMATCH OPEN [\"ADDRESS\"]");
        assertThat(accessLog(resident, "LINK_REVIEW_OPENED")).hasSize(1);

        pushed(NHI, joined(NHI, resident, number, LocalDate.of(2026, 4, 1)));

        assertThat(reviews(NHI, number)).containsExactly("MISMATCH WITHDRAWN [\"ADDRESS\"]");
        assertThat(mappings(resident, NHI)).containsExactly(localId(NHI, number) + " ACTIVE 2026-04-01.. AUTOMATIC");
    }

    private List<String> linkageOutcome(String provider, String number) {
        return jdbc.sql("""
                        SELECT l.direction || ' ' || l.type || ' ' || l.outcome FROM linkage_log l
                        JOIN provider p ON p.id = l.provider_id
                        WHERE p.provider_key = :provider AND l.subject = :subject ORDER BY l.id""")
                .param("provider", provider)
                .param("subject", localId(provider, number))
                .query(String.class)
                .list();
    }
}
