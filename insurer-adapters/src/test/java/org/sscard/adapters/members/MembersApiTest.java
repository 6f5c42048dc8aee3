package org.sscard.adapters.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * The insurer's administrator registers joiners and losses through the console: the member row, the event for the
 * relay, the write audit and the access log in one transaction (a failure after the member write leaves none of
 * them), with the conflicts the console shows.
 */
class MembersApiTest extends AdaptersTest {

    static final String MEMBERS = "/kamogawa-nhi/api/v1/members";

    private final String staff = UUID.randomUUID().toString();
    private final String admin = admin("kamogawa-nhi", staff);

    static String admin(String insurer, String staffId) {
        return Tokens.operator("operator-console", insurer, staffId, "INSURER_ADMIN", insurer);
    }

    static String joiner(String number, String branch) {
        return """
                {"symbol":"鴨川","number":"%s","branch":"%s","relationship":"INSURED","nameKanji":"鴨川　新","nameKana":"かもがわ あらた",\
                "dateOfBirth":"1990-05-05","sex":"MALE","address":"千葉県鴨川市横渚１００","provisionalSsn":"1000-0009-9999",\
                "acquiredOn":"2026-12-01","copayPercent":30}""".formatted(number, branch);
    }

    static String loss(String localId) {
        return MEMBERS + "/" + URLEncoder.encode(localId, StandardCharsets.UTF_8) + "/loss";
    }

    @Test
    void aJoinerIsWrittenWithItsEventItsAuditAndItsAccessLogEntry() {
        Http.Response created = Http.postJson(port, MEMBERS, admin, joiner("LJ1", "0"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode member = created.json();
        assertThat(member.path("localId").asText()).isEqualTo("122382|鴨川|LJ1|00");
        assertThat(member.path("nameKana").asText()).isEqualTo("カモガワ アラタ");
        assertThat(member.path("nameKanji").asText()).isEqualTo("鴨川 新");
        assertThat(member.path("acquiredOn").asText()).isEqualTo("2026-12-01");
        assertThat(member.has("provisionalSsn")).as("the SSN is not echoed").isFalse();
        var row = jdbc.sql("SELECT address, provisional_ssn, valid_from::text AS vf, import_id FROM kamogawa_nhi.member"
                        + " WHERE local_id = '122382|鴨川|LJ1|00'")
                .query()
                .singleRow();
        assertThat(row.get("address")).isEqualTo("千葉県鴨川市横渚100");
        assertThat(row.get("provisional_ssn")).isEqualTo("100000099999");
        assertThat(row.get("vf")).isEqualTo("2026-12-01");
        assertThat(row.get("import_id")).isNull();
        assertThat(jdbc.sql("SELECT payload->>'provisionalSsn' FROM kamogawa_nhi.linkage_outbox"
                                + " WHERE type = 'MEMBER_JOINED' AND subject = '122382|鴨川|LJ1|00'")
                        .query(String.class)
                        .list())
                .containsExactly("100000099999");
        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM kamogawa_nhi.write_audit"
                                + " WHERE local_id = '122382|鴨川|LJ1|00'")
                        .query(String.class)
                        .list())
                .containsExactly("staff:" + staff + " JOINER_REGISTERED");
        assertThat(jdbc.sql("SELECT after::text FROM kamogawa_nhi.write_audit WHERE local_id = '122382|鴨川|LJ1|00'")
                        .query(String.class)
                        .single())
                .contains("\"provisional_ssn_given\": true")
                .doesNotContain("100000099999");
        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM kamogawa_nhi.access_log"
                                + " WHERE local_id = '122382|鴨川|LJ1|00'")
                        .query(String.class)
                        .list())
                .containsExactly("staff:" + staff + " JOINER_REGISTERED");

        Http.Response again = Http.postJson(port, MEMBERS, admin, joiner("LJ1", "00"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("MEMBER_EXISTS");
    }

    @Test
    void aLossIsWrittenWithItsEventAndTheSameDateTwiceIsAConflictButAnotherCorrectsIt() {
        Http.postJson(port, MEMBERS, admin, joiner("LJ2", "00"));
        String localId = "122382|鴨川|LJ2|00";

        Http.Response lost = Http.postJson(port, loss(localId), admin, "{\"lostOn\":\"2027-01-01\",\"reason\":\"転出\"}");

        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(lost.json().path("lostOn").asText()).isEqualTo("2027-01-01");
        assertThat(lost.json().path("lossReason").asText()).isEqualTo("転出");
        assertThat(jdbc.sql("SELECT valid_to::text FROM kamogawa_nhi.member WHERE local_id = ?")
                        .param(localId)
                        .query(String.class)
                        .single())
                .isEqualTo("2026-12-31");
        assertThat(events(localId)).containsExactly("MEMBER_JOINED", "MEMBER_LEFT");

        Http.Response same = Http.postJson(port, loss(localId), admin, "{\"lostOn\":\"2027-01-01\",\"reason\":\"転出\"}");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().path("code").asText()).isEqualTo("LOSS_ALREADY_REGISTERED");

        Http.Response corrected = Http.postJson(port, loss(localId), admin, "{\"lostOn\":\"2027-02-01\"}");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(events(localId)).containsExactly("MEMBER_JOINED", "MEMBER_LEFT", "MEMBER_LEFT");
        assertThat(jdbc.sql("SELECT payload->>'lostOn' FROM kamogawa_nhi.linkage_outbox WHERE subject = ?"
                                + " AND type = 'MEMBER_LEFT' ORDER BY position")
                        .param(localId)
                        .query(String.class)
                        .list())
                .containsExactly("2027-01-01", "2027-02-01");
        assertThat(count(
                        "SELECT count(*) FROM kamogawa_nhi.write_audit WHERE local_id = ? AND action = 'LOSS_REGISTERED'",
                        localId))
                .isEqualTo(2);
    }

    @Test
    void refusesAnUnknownMemberALossBeforeTheAcquisitionAndABadJoiner() {
        Http.postJson(port, MEMBERS, admin, joiner("LJ3", "00"));

        Http.Response unknown = Http.postJson(port, loss("122382|鴨川|LJ-none|00"), admin, "{\"lostOn\":\"2027-01-01\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("NO_MEMBER");

        Http.Response early = Http.postJson(port, loss("122382|鴨川|LJ3|00"), admin, "{\"lostOn\":\"2026-11-30\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("code").asText()).isEqualTo("INVALID_MEMBER");

        Http.Response notKana =
                Http.postJson(port, MEMBERS, admin, joiner("LJ4", "00").replace("かもがわ あらた", "Kamogawa"));
        assertThat(notKana.status()).isEqualTo(400);
        assertThat(notKana.json().path("code").asText()).isEqualTo("INVALID_MEMBER");
        Http.Response missing =
                Http.postJson(port, MEMBERS, admin, joiner("LJ4", "00").replace("\"sex\":\"MALE\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LJ4'"))
                .isZero();
        assertThat(events("122382|鴨川|LJ3|00")).containsExactly("MEMBER_JOINED");
    }

    @Test
    void refusesValuesThatNormaliseLongerThanTheRelayTakes() {
        // NFKC makes ㌀ アパート and ㍿ 株式会社: short as typed, too long as stored and sent to the relay
        String kana = joiner("LJ8", "00").replace("かもがわ あらた", "㌀".repeat(26));
        String kanji = joiner("LJ8", "00").replace("鴨川　新", "鴨川" + "￣".repeat(50));
        String symbol = joiner("LJ8", "00").replace("\"symbol\":\"鴨川\"", "\"symbol\":\"" + "㍿".repeat(11) + "\"");
        String address = joiner("LJ8", "00").replace("千葉県鴨川市横渚１００", "㍿".repeat(76));

        for (String body : List.of(kana, kanji, symbol, address)) {
            Http.Response refused = Http.postJson(port, MEMBERS, admin, body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_MEMBER");
        }
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.linkage_outbox WHERE subject LIKE '%|LJ8|%'"))
                .isZero();
        assertThat(Http.postJson(port, MEMBERS, admin, joiner("LJ8", "00")).status())
                .isEqualTo(201);
    }

    @Test
    void aFailureAfterTheMemberWriteLeavesNeitherTheMemberNorTheEvent() {
        Http.postJson(port, MEMBERS, admin, joiner("LJ5", "00"));
        // the event's write fails, after the member's: for this test's numbers only
        jdbc.sql("""
                        CREATE FUNCTION kamogawa_nhi.test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'the outbox refuses this event'; END; $$""").update();
        jdbc.sql("CREATE TRIGGER test_refuse_event BEFORE INSERT ON kamogawa_nhi.linkage_outbox FOR EACH ROW"
                        + " WHEN (NEW.subject IN ('122382|鴨川|LJ5|00', '122382|鴨川|LJ6|00'))"
                        + " EXECUTE FUNCTION kamogawa_nhi.test_refuse_event()")
                .update();
        try {
            Http.Response joined = Http.postJson(port, MEMBERS, admin, joiner("LJ6", "00"));
            Http.Response lost = Http.postJson(port, loss("122382|鴨川|LJ5|00"), admin, "{\"lostOn\":\"2027-01-01\"}");

            assertThat(joined.status()).isEqualTo(500);
            assertThat(lost.status()).isEqualTo(500);
        } finally {
            jdbc.sql("DROP TRIGGER test_refuse_event ON kamogawa_nhi.linkage_outbox")
                    .update();
            jdbc.sql("DROP FUNCTION kamogawa_nhi.test_refuse_event()").update();
        }
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LJ6'"))
                .isZero();
        assertThat(jdbc.sql("SELECT coalesce(lost_on::text, '-') FROM kamogawa_nhi.member WHERE number = 'LJ5'")
                        .query(String.class)
                        .single())
                .isEqualTo("-");
        assertThat(events("122382|鴨川|LJ5|00")).containsExactly("MEMBER_JOINED");
        assertThat(events("122382|鴨川|LJ6|00")).isEmpty();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.write_audit WHERE local_id LIKE '%|LJ6|%'"
                        + " OR (local_id LIKE '%|LJ5|%' AND action = 'LOSS_REGISTERED')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id LIKE '%|LJ6|%'"
                        + " OR (local_id LIKE '%|LJ5|%' AND action = 'LOSS_REGISTERED')"))
                .isZero();
    }

    @Test
    void theListFindsByKanaOrNumberPrefixPagesAndLogsEachMemberShown() {
        Http.postJson(port, MEMBERS, admin, joiner("LJ7", "00"));
        Http.postJson(port, MEMBERS, admin, joiner("LJ7", "01").replace("かもがわ あらた", "ながさ みどり"));

        JsonNode byNumber = Http.get(port, MEMBERS + "?q=LJ7&size=1", admin).json();
        assertThat(byNumber.path("total").asLong()).isEqualTo(2);
        assertThat(byNumber.path("items").size()).isEqualTo(1);
        assertThat(byNumber.path("items").get(0).path("localId").asText()).isEqualTo("122382|鴨川|LJ7|00");
        JsonNode byKana = Http.get(port, MEMBERS + "?q=" + URLEncoder.encode("ﾅｶﾞｻ ﾐ", StandardCharsets.UTF_8), admin)
                .json();
        assertThat(byKana.path("items").findValuesAsText("localId")).contains("122382|鴨川|LJ7|01");
        assertThat(byKana.path("items").findValuesAsText("localId")).doesNotContain("122382|鴨川|LJ7|00");
        JsonNode item = byKana.path("items").get(0);
        assertThat(item.fieldNames())
                .toIterable()
                .contains("localId", "symbol", "number", "branch", "relationship", "nameKanji", "nameKana")
                .contains("dateOfBirth", "sex", "acquiredOn")
                .doesNotContain("address", "provisionalSsn");

        assertThat(count(
                        "SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id = '122382|鴨川|LJ7|00'"
                                + " AND action = 'MEMBER_LIST_READ' AND actor = ?",
                        "staff:" + staff))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id = '122382|鴨川|LJ7|01'"
                        + " AND action = 'MEMBER_LIST_READ'"))
                .as("shown on the kana page only (the number page showed one member)")
                .isGreaterThanOrEqualTo(1);
    }

    private java.util.List<String> events(String localId) {
        return jdbc.sql("SELECT type FROM kamogawa_nhi.linkage_outbox WHERE subject = ? ORDER BY position")
                .param(localId)
                .query(String.class)
                .list();
    }
}
