package org.sscard.adapters.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Eventually;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * The consumer pulls each insurer's feed from the relay: a PREVIOUS_COVERAGE_LOST becomes one notice and one
 * access-log entry, however often the relay delivers it; the administrator reads the notices (and is logged).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumerTest extends AdaptersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Linkage linkage;

    @Test
    void aPreviousCoverageLostDeliveredTwiceIsAppliedOnce() {
        String admin = PusherTest.admin("kamogawa-nhi");
        PusherTest.join(port, admin, "kamogawa-nhi", "鴨川", "LC1", "00");
        String localId = "122382|鴨川|LC1|00";
        ObjectNode event = RELAY.publish("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", localId, payload(localId));
        ObjectNode again = RELAY.publishAgain("kamogawa-nhi", event);

        Eventually.until(
                "the feed was read past the second delivery",
                () -> count("SELECT coalesce(max(position), 0) FROM kamogawa_nhi.linkage_cursor WHERE source = 'relay'")
                        >= again.path("position").asLong());

        assertThat(jdbc.sql("SELECT previous_insurer_name_ja || ' ' || previous_insurer_name_en || ' ' || lost_on"
                                + " || ' ' || event_id FROM kamogawa_nhi.previous_coverage WHERE local_id = ?")
                        .param(localId)
                        .query(String.class)
                        .list())
                .containsExactly("亀田健康保険組合 Kameda Health Insurance Society 2026-12-01 "
                        + event.path("eventId").asText());
        assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || purpose FROM kamogawa_nhi.access_log"
                                + " WHERE local_id = ? AND action = 'PREVIOUS_COVERAGE_RECEIVED'")
                        .param(localId)
                        .query(String.class)
                        .list())
                .containsExactly("relay PREVIOUS_COVERAGE_RECEIVED 保険者間連携 / inter-insurer linkage");
        assertThat(count(
                        "SELECT count(*) FROM kamogawa_nhi.linkage_inbox WHERE source = 'relay' AND event_id = ?::uuid",
                        event.path("eventId").asText()))
                .isEqualTo(1);

        String staff = UUID.randomUUID().toString();
        JsonNode notices = Http.get(
                        port,
                        "/kamogawa-nhi/api/v1/linkage/notices",
                        Tokens.operator("operator-console", "kamogawa-nhi", staff, "INSURER_ADMIN", "kamogawa-nhi"))
                .json();
        JsonNode notice = null;
        for (JsonNode item : notices.path("items")) {
            if (item.path("localId").asText().equals(localId)) {
                notice = item;
            }
        }
        assertThat(notice).isNotNull();
        assertThat(notice.path("nameKanji").asText()).isEqualTo("試験 太郎");
        assertThat(notice.path("previousInsurerNameJa").asText()).isEqualTo("亀田健康保険組合");
        assertThat(notice.path("previousInsurerNameEn").asText()).isEqualTo("Kameda Health Insurance Society");
        assertThat(notice.path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(notice.path("receivedAt").asText()).isNotBlank();
        assertThat(count(
                        "SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id = ? AND action = 'PREVIOUS_COVERAGE_READ'"
                                + " AND actor = ?",
                        localId,
                        "staff:" + staff))
                .isEqualTo(1);
    }

    @Test
    void anEventNamingAMemberOfAnotherInsurerIsPassedOverAndTheNextIsApplied(CapturedOutput output) {
        String foreign = "06139999|10|LC3|00";
        ObjectNode wrong = RELAY.publish("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", foreign, payload(foreign));
        String localId = "122382|鴨川|LC3|00";
        ObjectNode next = RELAY.publish("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", localId, payload(localId));

        Eventually.until(
                "the next event applied",
                () -> count(
                                "SELECT count(*) FROM kamogawa_nhi.previous_coverage WHERE event_id = ?::uuid",
                                next.path("eventId").asText())
                        == 1);

        String wrongId = wrong.path("eventId").asText();
        assertThat(count(
                        "SELECT count(*) FROM kamogawa_nhi.linkage_inbox WHERE source = 'relay' AND event_id = ?::uuid",
                        wrongId))
                .as("recorded as applied: the stream goes on")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.previous_coverage WHERE event_id = ?::uuid", wrongId))
                .isZero();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id = ?", foreign))
                .isZero();
        String warning = output.getAll()
                .lines()
                .filter(line -> line.contains(wrongId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line names event " + wrongId));
        assertThat(warning).contains("WARN").doesNotContain("LC3");
    }

    @Test
    void theOtherInsurersFeedAndSchemaAreNotTouched() {
        String localId = "122382|鴨川|LC2|00";
        ObjectNode event = RELAY.publish("kamogawa-nhi", "PREVIOUS_COVERAGE_LOST", localId, payload(localId));

        Eventually.until(
                "applied at kamogawa-nhi",
                () -> count(
                                "SELECT count(*) FROM kamogawa_nhi.previous_coverage WHERE event_id = ?::uuid",
                                event.path("eventId").asText())
                        == 1);
        assertThat(count("SELECT count(*) FROM kameda_kenpo.previous_coverage WHERE local_id LIKE '%|LC2|%'"))
                .isZero();
    }

    @Test
    void thePensionOfficeHasNoLinkageAtAll() {
        assertThat(linkage.pollers())
                .extracting(Linkage.Running::name)
                .containsExactlyInAnyOrder(
                        "kamogawa-nhi push",
                        "kamogawa-nhi feed",
                        "kameda-kenpo push",
                        "kameda-kenpo feed",
                        "minamiboso-nhi push",
                        "minamiboso-nhi feed");
        assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'pension_office'"
                                + " AND (table_name LIKE 'linkage%' OR table_name = 'previous_coverage')")
                        .query(String.class)
                        .list())
                .isEmpty();
        assertThat(jdbc.sql("SELECT max(version::int) FROM pension_office.flyway_schema_history")
                        .query(Integer.class)
                        .single())
                .as("no migration of issue 18 in the pension schema")
                .isEqualTo(30);
    }

    private static ObjectNode payload(String localId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("memberLocalId", localId);
        payload.put("previousInsurerNameJa", "亀田健康保険組合");
        payload.put("previousInsurerNameEn", "Kameda Health Insurance Society");
        payload.put("lostOn", "2026-12-01");
        return payload;
    }
}
