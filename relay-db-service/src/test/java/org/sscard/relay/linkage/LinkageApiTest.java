package org.sscard.relay.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * Base of the linkage tests: residents registered at the city office with all five items, joiner and leaver events
 * as insurer-adapters pushes them (to test-nhi and test-kumiai, the insurers it is bound to in the tests), and the
 * feed read as insurer-adapters reads it.
 */
abstract class LinkageApiTest extends RelayApiTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String NHI = "test-nhi";
    static final String KUMIAI = "test-kumiai";
    static final String KUMIAI_INSURER_NUMBER = "06129999";
    static final String ADDRESS = "千葉県鴨川市横渚1001-1 コーポ横渚 101";

    private static final AtomicLong POSITION = new AtomicLong();
    private static final AtomicLong NUMBER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    /** A resident as the city office registered them: kana, kanji, date of birth, sex, address and a fresh SSN. */
    Resident resident() {
        return residentWithout();
    }

    /** The same, without the fields named (nameKanji, address: the relay has none for them). */
    Resident residentWithout(String... fields) {
        String ssn = newProvisionalSsn();
        Map<String, Object> body = personBody(newPersonalId(), ssn);
        body.put("address", "千葉県鴨川市横渚１００１－１　コーポ横渚　１０１");
        for (String field : fields) {
            body.remove(field);
        }
        Api.Response created = city().post("/api/v1/persons", body);
        if (created.status() != 201) {
            throw new AssertionError("person not created: " + created.body());
        }
        String id = created.json().path("id").asText();
        long row = jdbc.sql("SELECT id FROM person WHERE opaque_id = :id::uuid")
                .param("id", id)
                .query(Long.class)
                .single();
        return new Resident(id, row, ssn);
    }

    /** An insurer's member number not used before. */
    static String number() {
        return Long.toString(NUMBER.incrementAndGet());
    }

    static String insurerNumber(String provider) {
        return NHI.equals(provider) ? TEST_NHI_INSURER_NUMBER : KUMIAI_INSURER_NUMBER;
    }

    static String localId(String provider, String number) {
        return insurerNumber(provider) + "|10|" + number + "|00";
    }

    /** A joiner whose five items are the resident's exactly (as the insurer writes them: half-width spaces). */
    static Map<String, Object> joined(String provider, Resident resident, String number, LocalDate acquiredOn) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("provider", provider);
        payload.put("localId", localId(provider, number));
        payload.put("insurerNumber", insurerNumber(provider));
        payload.put("symbol", "10");
        payload.put("number", number);
        payload.put("branch", "00");
        payload.put("relationship", "INSURED");
        payload.put("acquiredOn", acquiredOn.toString());
        payload.put("nameKana", "カモガワ ハナコ");
        payload.put("nameKanji", "鴨川 花子");
        payload.put("dateOfBirth", "1958-04-12");
        payload.put("sex", "FEMALE");
        payload.put("address", ADDRESS);
        payload.put("provisionalSsn", resident == null ? null : resident.ssn());
        return event("MEMBER_JOINED", localId(provider, number), payload);
    }

    static Map<String, Object> left(String provider, String number, LocalDate lostOn, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("provider", provider);
        payload.put("localId", localId(provider, number));
        payload.put("lostOn", lostOn.toString());
        payload.put("reason", reason);
        return event("MEMBER_LEFT", localId(provider, number), payload);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    private static Map<String, Object> event(String type, String subject, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("position", POSITION.incrementAndGet());
        event.put("type", type);
        event.put("subject", subject);
        event.put("occurredAt", Instant.now().toString());
        event.put("payload", payload);
        return event;
    }

    Api adapters() {
        return as("insurer-adapters");
    }

    Api.Response push(String provider, List<Map<String, Object>> events) {
        return adapters().post("/api/v1/linkage/inbox/" + provider, Map.of("events", events));
    }

    /** Pushes and requires 200. */
    @SafeVarargs
    final JsonNode pushed(String provider, Map<String, Object>... events) {
        Api.Response response = push(provider, List.of(events));
        if (response.status() != 200) {
            throw new AssertionError("push refused: " + response.body());
        }
        return response.json();
    }

    /** The last position of the relay's outbox (0 when empty): a feed read after it shows only what came later. */
    long outboxHead() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM linkage_outbox")
                .query(Long.class)
                .single();
    }

    JsonNode feed(String provider, long after, int limit) {
        Api.Response response =
                adapters().get("/api/v1/linkage/feed/" + provider + "?after=" + after + "&limit=" + limit);
        if (response.status() != 200) {
            throw new AssertionError("feed refused: " + response.body());
        }
        return response.json();
    }

    /**
     * The feed once it shows what the test expects: the outbox shows a transaction's rows only when every older
     * transaction has finished (common.linkage.Outbox), so a read may lag a commit by a moment. Polls, no sleep.
     */
    JsonNode awaitFeed(String provider, long after, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode feed = feed(provider, after, 500);
        while (!until.test(feed)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the feed of " + provider + " never showed what was expected: " + feed);
            }
            Thread.onSpinWait();
            feed = feed(provider, after, 500);
        }
        return feed;
    }

    /** The access-log rows of the person (oldest first) as "caller actingFor action provider purpose". */
    List<String> accessLog(Resident resident, String... actions) {
        return jdbc.sql("""
                        SELECT caller || ' ' || coalesce(acting_for, '-') || ' ' || action || ' '
                               || coalesce(provider_key, '-') || ' ' || purpose
                        FROM access_log WHERE subject_person_id = :person AND action IN (:actions) ORDER BY id""")
                .param("person", resident.row())
                .param("actions", List.of(actions))
                .query(String.class)
                .list();
    }

    /** The person's mappings at the provider as "local_id status valid_from..valid_to linked_by". */
    List<String> mappings(Resident resident, String provider) {
        return jdbc.sql("""
                        SELECT m.local_id || ' ' || m.status || ' ' || m.valid_from || '..'
                               || coalesce(m.valid_to::text, '') || ' ' || m.linked_by
                        FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND p.provider_key = :provider ORDER BY m.id""")
                .param("person", resident.row())
                .param("provider", provider)
                .query(String.class)
                .list();
    }

    /** The mappings of the insurer's local ID, anyone's. */
    int mappingsOf(String provider, String number) {
        return jdbc.sql("""
                        SELECT count(*) FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        WHERE p.provider_key = :provider AND m.local_id = :local""")
                .param("provider", provider)
                .param("local", localId(provider, number))
                .query(Integer.class)
                .single();
    }

    /** The reviews of the insurer's local ID as "kind status differences". */
    List<String> reviews(String provider, String number) {
        return jdbc.sql("""
                        SELECT r.kind || ' ' || r.status || ' ' || r.differences::text
                        FROM link_review r JOIN provider p ON p.id = r.provider_id
                        WHERE p.provider_key = :provider AND r.local_id = :local ORDER BY r.id""")
                .param("provider", provider)
                .param("local", localId(provider, number))
                .query(String.class)
                .list();
    }

    /** {@code row}: the relay-internal person ID, for reading the tables. */
    record Resident(String id, long row, String ssn) {}
}
