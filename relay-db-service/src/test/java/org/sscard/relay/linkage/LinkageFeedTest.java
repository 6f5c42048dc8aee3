package org.sscard.relay.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A leaver's effects and what each insurer's feed carries: the new insurer learns, under its own local ID, only the
 * previous insurer's name and the loss date; the previous insurer learns nothing of the new coverage.
 */
class LinkageFeedTest extends LinkageApiTest {

    private static final String LINKAGE = "保険者間連携 / inter-insurer linkage";

    @Test
    void aLeaverEndsTheMappingTheDayBeforeTheLossAndTellsTheOtherCurrentInsurer() {
        Resident resident = resident();
        String kenpo = number();
        String nhi = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        // the new insurer linked the person while the old coverage was still open: nothing to tell it yet
        pushed(NHI, joined(NHI, resident, nhi, LocalDate.of(2026, 12, 1)));
        long head = outboxHead();

        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), "退職"));

        assertThat(mappings(resident, KUMIAI))
                .containsExactly(localId(KUMIAI, kenpo) + " ENDED 2020-04-01..2026-11-30 AUTOMATIC");
        assertThat(jdbc.sql("SELECT end_reason FROM service_mapping WHERE local_id = :l AND ended_at IS NOT NULL")
                        .param("l", localId(KUMIAI, kenpo))
                        .query(String.class)
                        .single())
                .isEqualTo("loss of coverage: 退職");
        assertThat(mappings(resident, NHI)).containsExactly(localId(NHI, nhi) + " ACTIVE 2026-12-01.. AUTOMATIC");
        assertThat(accessLog(resident, "COVERAGE_LOST_REGISTERED", "PREVIOUS_COVERAGE_SHARED"))
                .containsExactly(
                        "insurer-adapters - COVERAGE_LOST_REGISTERED test-kumiai " + LINKAGE,
                        "insurer-adapters - PREVIOUS_COVERAGE_SHARED test-nhi " + LINKAGE);

        JsonNode nhiFeed = awaitFeed(NHI, head, feed -> feed.path("events").size() == 1);
        JsonNode event = nhiFeed.path("events").get(0);
        assertThat(fieldNames(event))
                .containsExactly("eventId", "position", "type", "subject", "occurredAt", "payload");
        assertThat(event.path("type").asText()).isEqualTo("PREVIOUS_COVERAGE_LOST");
        assertThat(event.path("subject").asText()).isEqualTo(localId(NHI, nhi));
        JsonNode payload = event.path("payload");
        assertThat(fieldNames(payload))
                .containsExactlyInAnyOrder("memberLocalId", "previousInsurerNameJa", "previousInsurerNameEn", "lostOn");
        assertThat(payload.path("memberLocalId").asText()).isEqualTo(localId(NHI, nhi));
        assertThat(payload.path("previousInsurerNameJa").asText()).isEqualTo("テスト健保組合");
        assertThat(payload.path("previousInsurerNameEn").asText()).isEqualTo("Test Kumiai");
        assertThat(payload.path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(event.toString())
                .doesNotContain(kenpo, KUMIAI_INSURER_NUMBER, resident.id(), resident.ssn(), "カモガワ", "鴨川");
        assertThat(nhiFeed.path("next").asLong())
                .isEqualTo(event.path("position").asLong());
        // the previous insurer is told nothing about the new coverage
        assertThat(feed(KUMIAI, head, 500).path("events")).isEmpty();
    }

    @Test
    void aJoinerWhosePreviousCoverageEndedWithinAYearIsToldWhenAndThePreviousInsurerNothing() {
        Resident resident = resident();
        String kenpo = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), null));
        Resident longAgo = resident();
        String oldKenpo = number();
        pushed(KUMIAI, joined(KUMIAI, longAgo, oldKenpo, LocalDate.of(2015, 4, 1)));
        pushed(KUMIAI, left(KUMIAI, oldKenpo, LocalDate.of(2024, 1, 1), null));
        long head = outboxHead();
        String nhi = number();
        String nhiLongAgo = number();

        pushed(
                NHI,
                joined(NHI, longAgo, nhiLongAgo, LocalDate.of(2026, 12, 1)),
                joined(NHI, resident, nhi, LocalDate.of(2026, 12, 1)));

        JsonNode events =
                awaitFeed(NHI, head, feed -> feed.path("events").size() == 1).path("events");
        assertThat(events.get(0).path("subject").asText()).isEqualTo(localId(NHI, nhi));
        assertThat(events.get(0).path("payload").path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(events.get(0).path("payload").path("previousInsurerNameJa").asText())
                .isEqualTo("テスト健保組合");
        assertThat(accessLog(resident, "PREVIOUS_COVERAGE_SHARED"))
                .containsExactly("insurer-adapters - PREVIOUS_COVERAGE_SHARED test-nhi " + LINKAGE);
        assertThat(accessLog(longAgo, "PREVIOUS_COVERAGE_SHARED"))
                .as("ended over a year before")
                .isEmpty();
        assertThat(feed(KUMIAI, head, 500).path("events")).isEmpty();
    }

    @Test
    void anOlderInsurerIsNotToldWhenANewerCoverageEnds() {
        Resident resident = resident();
        String nhi = number();
        String kenpo = number();
        // the NHI's own leaver has not arrived yet: its mapping is still ACTIVE, from long before the kenpo's
        pushed(NHI, joined(NHI, resident, nhi, LocalDate.of(2020, 4, 1)));
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2026, 4, 1)));
        long head = outboxHead();

        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), null));

        assertThat(mappings(resident, KUMIAI))
                .containsExactly(localId(KUMIAI, kenpo) + " ENDED 2026-04-01..2026-11-30 AUTOMATIC");
        assertThat(accessLog(resident, "COVERAGE_LOST_REGISTERED", "PREVIOUS_COVERAGE_SHARED"))
                .as("the NHI would learn of the newer coverage")
                .containsExactly("insurer-adapters - COVERAGE_LOST_REGISTERED test-kumiai " + LINKAGE);
        assertThat(outboxSince(head)).isZero();
    }

    @Test
    void aJoinerIsToldOnlyOfACoverageThatBeganAndEndedBeforeItsOwn() {
        Resident lateOldRecord = resident();
        Resident overlapping = resident();
        for (Resident resident : List.of(lateOldRecord, overlapping)) {
            String kenpo = number();
            pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2026, 4, 1)));
            pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), null));
        }
        long head = outboxHead();

        // an NHI record from long before the kenpo's arrives late; another began while the kenpo's still ran
        pushed(
                NHI,
                joined(NHI, lateOldRecord, number(), LocalDate.of(2020, 4, 1)),
                joined(NHI, overlapping, number(), LocalDate.of(2026, 6, 1)));

        assertThat(mappings(lateOldRecord, NHI)).hasSize(1);
        assertThat(mappings(overlapping, NHI)).hasSize(1);
        assertThat(accessLog(lateOldRecord, "PREVIOUS_COVERAGE_SHARED")).isEmpty();
        assertThat(accessLog(overlapping, "PREVIOUS_COVERAGE_SHARED")).isEmpty();
        assertThat(outboxSince(head)).isZero();
    }

    @Test
    void aLaterLossDateCorrectsTheEndOfALossButNotOfAMappingEndedForAnotherReason() {
        Resident resident = resident();
        String kenpo = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 11, 30), null));

        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 31), "訂正"));

        assertThat(mappings(resident, KUMIAI))
                .containsExactly(localId(KUMIAI, kenpo) + " ENDED 2020-04-01..2026-12-30 AUTOMATIC");
        assertThat(jdbc.sql(
                                "SELECT outcome FROM linkage_log WHERE subject = :local AND type = 'MEMBER_LEFT' ORDER BY id")
                        .param("local", localId(KUMIAI, kenpo))
                        .query(String.class)
                        .list())
                .containsExactly("ENDED_MAPPING", "ENDED_MAPPING");

        Resident other = resident();
        String ended = number();
        pushed(KUMIAI, joined(KUMIAI, other, ended, LocalDate.of(2020, 4, 1)));
        jdbc.sql("""
                        UPDATE service_mapping SET status = 'ENDED', valid_to = '2026-11-29', end_reason = 'city office',
                            ended_at = now() WHERE local_id = :local""").param("local", localId(KUMIAI, ended)).update();

        pushed(KUMIAI, left(KUMIAI, ended, LocalDate.of(2026, 12, 31), null));

        assertThat(mappings(other, KUMIAI))
                .containsExactly(localId(KUMIAI, ended) + " ENDED 2020-04-01..2026-11-29 AUTOMATIC");
    }

    @Test
    void aLeaverOfADisputedLinkEndsItQuietlyAndTellsNobody() {
        Resident resident = resident();
        String kenpo = number();
        String nhi = number();
        pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2024, 4, 1)));
        pushed(NHI, joined(NHI, resident, nhi, LocalDate.of(2026, 12, 1)));
        // the resident said "this is not me": the kumiai's record may be someone else's
        jdbc.sql("""
                        UPDATE service_mapping SET status = 'SUSPENDED', suspended_from_status = 'ACTIVE',
                            suspended_at = now() WHERE local_id = :local""").param("local", localId(KUMIAI, kenpo)).update();
        long head = outboxHead();

        pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), "退職"));

        assertThat(jdbc.sql("""
                        SELECT status || ' ' || suspended_from_status || ' ' || valid_to FROM service_mapping
                        WHERE local_id = :local""")
                        .param("local", localId(KUMIAI, kenpo))
                        .query(String.class)
                        .single())
                .isEqualTo("SUSPENDED ENDED 2026-11-30");
        assertThat(accessLog(resident, "COVERAGE_LOST_REGISTERED", "PREVIOUS_COVERAGE_SHARED"))
                .as("nothing on the person: the record may not be theirs")
                .isEmpty();
        assertThat(outboxSince(head)).isZero();
        assertThat(jdbc.sql("SELECT outcome FROM linkage_log WHERE subject = :local AND type = 'MEMBER_LEFT'")
                        .param("local", localId(KUMIAI, kenpo))
                        .query(String.class)
                        .list())
                .containsExactly("ENDED_MAPPING");
    }

    @Test
    void theFeedPagesAfterACursorAndAnswersTheNextOne() {
        long head = outboxHead();
        for (int i = 0; i < 3; i++) {
            Resident resident = resident();
            String kenpo = number();
            pushed(KUMIAI, joined(KUMIAI, resident, kenpo, LocalDate.of(2020, 4, 1)));
            pushed(NHI, joined(NHI, resident, number(), LocalDate.of(2026, 12, 1)));
            pushed(KUMIAI, left(KUMIAI, kenpo, LocalDate.of(2026, 12, 1), null));
        }
        List<Long> all =
                positions(awaitFeed(NHI, head, feed -> feed.path("events").size() == 3));

        JsonNode first = feed(NHI, head, 2);
        assertThat(positions(first)).containsExactly(all.get(0), all.get(1));
        assertThat(first.path("next").asLong()).isEqualTo(all.get(1));
        JsonNode second = feed(NHI, first.path("next").asLong(), 2);
        assertThat(positions(second)).containsExactly(all.get(2));
        assertThat(second.path("next").asLong()).isEqualTo(all.get(2));
        JsonNode empty = feed(NHI, second.path("next").asLong(), 2);
        assertThat(empty.path("events")).isEmpty();
        assertThat(empty.path("next").asLong())
                .as("nothing new: the same cursor")
                .isEqualTo(all.get(2));

        for (String query : new String[] {"?limit=501", "?limit=0", "?after=-1", "?after=x"}) {
            assertThat(adapters().get("/api/v1/linkage/feed/" + NHI + query).status())
                    .as(query)
                    .isEqualTo(400);
        }
        assertThat(adapters().get("/api/v1/linkage/feed/" + NHI).status()).isEqualTo(200);
    }

    /** The relay's outbox rows after {@code head}, of every consumer (committed: the push answered). */
    private int outboxSince(long head) {
        return jdbc.sql("SELECT count(*) FROM linkage_outbox WHERE position > :head")
                .param("head", head)
                .query(Integer.class)
                .single();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Long> positions(JsonNode feed) {
        List<Long> positions = new ArrayList<>();
        feed.path("events")
                .forEach(event -> positions.add(event.path("position").asLong()));
        return positions;
    }
}
