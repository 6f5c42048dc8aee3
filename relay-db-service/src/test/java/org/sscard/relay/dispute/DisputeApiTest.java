package org.sscard.relay.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.LinkStates;
import org.sscard.relay.support.RelayApiTest;

/**
 * "This is not me" (issue 18): the resident's links as My Portal lists them, and their dispute of one — the mapping
 * suspended, a DISPUTED review opened for the provider and one access-log row, in one transaction.
 */
class DisputeApiTest extends RelayApiTest {

    @Test
    void listsEveryLinkNewestFirstWithItsStateAndNoLocalIdAndLogsTheRead() {
        String person = createPerson();
        String patientNumber = "L" + System.nanoTime();
        Map<String, Object> card = insuranceCard();
        String hospital = map(person, "test-hospital", Map.of("localNumber", patientNumber), "2019-01-01");
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        city().post(
                        "/api/v1/persons/" + person + "/mappings/" + nhi + "/end",
                        Map.of("validTo", "2024-03-31", "reason", "moved to an employer's insurer"));

        Api.Response answer = gateway(person).get("/api/v1/persons/" + person + "/links");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode links = answer.json().path("links");
        assertThat(links.findValuesAsText("mappingId")).containsExactly(nhi, hospital);
        JsonNode first = links.get(0);
        assertThat(first.path("providerKey").asText()).isEqualTo("test-nhi");
        assertThat(first.path("nameJa").asText()).isEqualTo("テスト国保");
        assertThat(first.path("nameEn").asText()).isEqualTo("Test NHI");
        assertThat(first.path("providerType").asText()).isEqualTo("INSURER");
        assertThat(first.path("validFrom").asText()).isEqualTo("2020-04-01");
        assertThat(first.path("validTo").asText()).isEqualTo("2024-03-31");
        assertThat(first.path("status").asText()).isEqualTo("ENDED");
        assertThat(first.path("linkedBy").asText()).isEqualTo("MANUAL");
        assertThat(first.path("dispute").isMissingNode()).isTrue();
        assertThat(links.get(1).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(links.get(1).has("validTo")).isFalse();
        // the resident's own numbers are the providers' to show
        assertThat(answer.body())
                .doesNotContain(patientNumber)
                .doesNotContain((String) card.get("number"))
                .doesNotContain(TEST_NHI_INSURER_NUMBER);
        assertThat(newestRow(person))
                .isEqualTo("SERVICES_READ | portal-gateway | person:" + person + " | linked services | ");
    }

    @Test
    void suspendsTheLinkOpensAReviewForTheProviderAndLogsTheResidentsWord() {
        String person = createPerson();
        Map<String, Object> card = insuranceCard();
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        int logged = count("access_log");

        Api.Response disputed = gateway(person)
                .header("Sscard-Purpose", "the gateway's own words are not the purpose")
                .post(
                        "/api/v1/persons/" + person + "/links/" + nhi + "/dispute",
                        Map.of("reason", "  鴨川市の国保に入ったことはありません  "));

        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        JsonNode link = disputed.json();
        assertThat(link.path("mappingId").asText()).isEqualTo(nhi);
        assertThat(link.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(link.path("dispute").path("status").asText()).isEqualTo("OPEN");
        assertThat(link.path("dispute").path("openedAt").asText()).isNotBlank();
        assertThat(link.path("dispute").has("decidedAt")).isFalse();
        assertThat(jdbc.sql("""
                        SELECT status || ' ' || suspended_from_status || ' ' || (suspended_at IS NOT NULL)
                        FROM service_mapping WHERE opaque_id = :m::uuid""").param("m", nhi).query(String.class).single()).isEqualTo("SUSPENDED ACTIVE true");
        Map<String, Object> review = jdbc.sql("""
                        SELECT r.kind, r.status, p.provider_key, r.local_id, m.opaque_id::text AS mapping,
                               r.resident_reason, r.decided_at
                        FROM link_review r JOIN provider p ON p.id = r.provider_id
                        JOIN service_mapping m ON m.id = r.mapping_id
                        WHERE m.opaque_id = :m::uuid""").param("m", nhi).query().singleRow();
        assertThat(review)
                .containsEntry("kind", "DISPUTED")
                .containsEntry("status", "OPEN")
                .containsEntry("provider_key", "test-nhi")
                .containsEntry("local_id", TEST_NHI_INSURER_NUMBER + "|S|" + card.get("number") + "|00")
                .containsEntry("mapping", nhi)
                .containsEntry("resident_reason", "鴨川市の国保に入ったことはありません")
                .containsEntry("decided_at", null);
        assertThat(count("access_log")).isEqualTo(logged + 1);
        assertThat(newestRow(person))
                .isEqualTo("LINK_DISPUTED | portal-gateway | person:" + person + " | " + DisputeService.PURPOSE
                        + " | test-nhi");
    }

    @Test
    void theInsurersAdministratorFindsItInTheQueueWithTheRecordAsLinkedBesideThePerson() {
        String person = createPerson();
        Map<String, Object> card = insuranceCard();
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        city().post("/api/v1/persons/" + person + "/mappings/" + nhi + "/end", Map.of("validTo", "2024-03-31"));
        // as the gate leaves an AUTOMATIC link: the insurer's record as it was linked
        jdbc.sql("""
                        UPDATE service_mapping SET linked_by = 'AUTOMATIC',
                               provider_record = '{"nameKana": "ｶﾓｶﾞﾜ ﾊﾅｺ", "acquiredOn": "2020-04-01"}'
                        WHERE opaque_id = :m::uuid""").param("m", nhi).update();

        Api.Response disputed = gateway(person).post("/api/v1/persons/" + person + "/links/" + nhi + "/dispute", "");

        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        assertThat(disputed.json().path("linkedBy").asText()).isEqualTo("AUTOMATIC");
        assertThat(jdbc.sql("SELECT suspended_from_status FROM service_mapping WHERE opaque_id = :m::uuid")
                        .param("m", nhi)
                        .query(String.class)
                        .single())
                .isEqualTo("ENDED");
        Api admin = asOperator(insurerAdmin("test-nhi"));
        JsonNode queued = null;
        for (JsonNode item : admin.get("/api/v1/providers/test-nhi/link-reviews?size=100")
                .json()
                .path("items")) {
            if (item.path("localId").asText().endsWith("|" + card.get("number") + "|00")) {
                queued = item;
            }
        }
        assertThat(queued).isNotNull();
        assertThat(queued.path("kind").asText()).isEqualTo("DISPUTED");
        JsonNode detail = admin.get("/api/v1/providers/test-nhi/link-reviews/"
                        + queued.path("id").asText())
                .json();
        assertThat(detail.path("providerRecord").path("nameKana").asText()).isEqualTo("ｶﾓｶﾞﾜ ﾊﾅｺ");
        assertThat(detail.path("relayRecord").path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(detail.toString()).doesNotContain(person);
        assertThat(detail.has("residentNote")).isFalse();
        // no reason given: none stored
        assertThat(jdbc.sql("SELECT resident_reason FROM link_review WHERE kind = 'DISPUTED' AND mapping_id ="
                                + " (SELECT id FROM service_mapping WHERE opaque_id = :m::uuid)")
                        .param("m", nhi)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void theAdministratorReadsTheResidentsNoteAsTheyWroteItBeforeAndAfterTheDecision() {
        String person = createPerson();
        Map<String, Object> card = insuranceCard();
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        // the resident's own words: passed on as written (the console escapes them), line breaks kept
        String note = "鴨川市に住んだことはありません。\n<b>別人</b> & \"同姓同名\"かも";

        Api.Response disputed = gateway(person)
                .post("/api/v1/persons/" + person + "/links/" + nhi + "/dispute", Map.of("reason", note));
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);

        Api admin = asOperator(insurerAdmin("test-nhi"));
        String review = jdbc.sql("""
                        SELECT r.opaque_id::text FROM link_review r JOIN service_mapping m ON m.id = r.mapping_id
                        WHERE m.opaque_id = :m::uuid""").param("m", nhi).query(String.class).single();
        Api.Response read = admin.get("/api/v1/providers/test-nhi/link-reviews/" + review);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("kind").asText()).isEqualTo("DISPUTED");
        assertThat(read.json().path("residentNote").asText()).isEqualTo(note);

        Api.Response decided = admin.post(
                "/api/v1/providers/test-nhi/link-reviews/" + review + "/decision",
                Map.of("decision", "CONFIRM_NOT_THEIRS", "reason", "加入記録を確認した"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("residentNote").asText()).isEqualTo(note);
        // the queue's list carries no note: only the detail, whose reading is logged
        assertThat(admin.get("/api/v1/providers/test-nhi/link-reviews?status=DECIDED&size=100")
                        .body())
                .doesNotContain("residentNote");
    }

    @Test
    void disputingASuspendedLinkAgainChangesNothing() {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String path = "/api/v1/persons/" + person + "/links/" + nhi + "/dispute";
        JsonNode first = gateway(person).post(path, Map.of()).json();
        int reviews = count("link_review");

        Api.Response again = gateway(person).post(path, Map.of("reason", "pressed twice"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(count("link_review")).isEqualTo(reviews);
        assertThat(rows(person, "LINK_DISPUTED")).isEqualTo(1);
        assertThat(newestRow(person)).startsWith("SERVICES_READ | portal-gateway | person:" + person);
    }

    @Test
    void refusesALinkThatIsNotThePersonsAndARemovedOneAndChangesNothing() {
        String person = createPerson();
        String someoneElse = createPerson();
        String theirs = map(someoneElse, "test-nhi", insuranceCard(), "2020-04-01");
        String removed = map(person, "test-hospital", Map.of("localNumber", "X" + System.nanoTime()), "2020-04-01");
        LinkStates.hide(as("portal-gateway"), jdbc, person, removed, "REMOVED");
        int reviews = count("link_review");
        int logged = count("access_log");

        Api gateway = gateway(person);
        Api.Response notTheirs = gateway.post("/api/v1/persons/" + person + "/links/" + theirs + "/dispute", Map.of());
        Api.Response unknown =
                gateway.post("/api/v1/persons/" + person + "/links/" + UUID.randomUUID() + "/dispute", Map.of());
        Api.Response nobody =
                gateway.post("/api/v1/persons/" + UUID.randomUUID() + "/links/" + theirs + "/dispute", Map.of());
        Api.Response again = gateway.post("/api/v1/persons/" + person + "/links/" + removed + "/dispute", Map.of());
        Api.Response tooLong = gateway.post(
                "/api/v1/persons/" + person + "/links/" + theirs + "/dispute", Map.of("reason", "あ".repeat(501)));

        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
        assertThat(unknown.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
        assertThat(nobody.problemCode()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("MAPPING_REMOVED");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(count("link_review")).isEqualTo(reviews);
        assertThat(count("access_log")).isEqualTo(logged);
        assertThat(city().get("/api/v1/persons/" + someoneElse + "/mappings")
                        .json()
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void showsTheOutcomeAndLeavesOutALinkRemovedMoreThanAYearAgo() {
        String person = createPerson();
        String reinstated = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String removed = map(person, "test-hospital", Map.of("localNumber", "Y" + System.nanoTime()), "2021-04-01");
        LinkStates.hide(as("portal-gateway"), jdbc, person, reinstated, "SUSPENDED");
        LinkStates.reinstate(jdbc, reinstated);
        LinkStates.hide(as("portal-gateway"), jdbc, person, removed, "REMOVED");

        Map<String, JsonNode> links = links(person);
        assertThat(links.get(reinstated).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(links.get(reinstated).path("dispute").path("status").asText())
                .isEqualTo("REINSTATED");
        assertThat(links.get(reinstated).path("dispute").path("decidedAt").asText())
                .isNotBlank();
        assertThat(links.get(removed).path("status").asText()).isEqualTo("REMOVED");
        assertThat(links.get(removed).path("dispute").path("status").asText()).isEqualTo("CONFIRMED_NOT_THEIRS");

        jdbc.sql("""
                        UPDATE link_review SET opened_at = now() - interval '13 months',
                               decided_at = now() - interval '366 days'
                        WHERE mapping_id = (SELECT id FROM service_mapping WHERE opaque_id = :m::uuid)""").param("m", removed).update();
        assertThat(links(person)).containsOnlyKeys(reinstated);
    }

    @Test
    void onlyTheGatewayDisputesAndTheLinksNeedServicesRead() {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String path = "/api/v1/persons/" + person + "/links/" + nhi + "/dispute";
        int logged = count("access_log");

        List<Api> others = List.of(
                city(),
                as("auth-service"),
                as("card-issuer"),
                as("insurer-adapters"),
                as("hospital-portal"),
                asOperator(cityAdmin()),
                asOperator(insurerAdmin("test-nhi")));
        for (Api other : others) {
            Api.Response refused = other.post(path, Map.of());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous().post(path, Map.of()).status()).isEqualTo(401);
        for (Api other : List.of(as("auth-service"), as("card-issuer"), asOperator(insurerAdmin("test-nhi")))) {
            assertThat(other.get("/api/v1/persons/" + person + "/links").status())
                    .isEqualTo(403);
        }
        assertThat(count("access_log")).isEqualTo(logged);
        assertThat(links(person).get(nhi).path("status").asText()).isEqualTo("ACTIVE");
    }

    /** The gateway acting for the resident, as it calls the relay. */
    private Api gateway(String person) {
        return as("portal-gateway").header("Sscard-Acting-For", "person:" + person);
    }

    private Map<String, JsonNode> links(String person) {
        Map<String, JsonNode> byId = new HashMap<>();
        gateway(person)
                .get("/api/v1/persons/" + person + "/links")
                .json()
                .path("links")
                .forEach(link -> byId.put(link.path("mappingId").asText(), link));
        return byId;
    }

    private String newestRow(String person) {
        return jdbc.sql("""
                        SELECT concat_ws(' | ', a.action, a.caller, a.acting_for, a.purpose, coalesce(a.provider_key, ''))
                        FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :person::uuid ORDER BY a.id DESC LIMIT 1""").param("person", person).query(String.class).single();
    }

    private int rows(String person, String action) {
        return jdbc.sql("""
                        SELECT count(*) FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :person::uuid AND a.action = :action""")
                .param("person", person)
                .param("action", action)
                .query(Integer.class)
                .single();
    }
}
