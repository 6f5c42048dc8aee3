package org.sscard.relay.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/** An insurer administrator's members (issue 17): their own insurer's only, each access logged with their staff ID. */
class MemberApiTest extends RelayApiTest {

    private String ssn;
    private String person;

    @BeforeEach
    void aResidentRegisteredAtTheCityOffice() {
        ssn = newProvisionalSsn();
        person = city().post("/api/v1/persons", personBody(newPersonalId(), ssn))
                .json()
                .path("id")
                .asText();
    }

    @Test
    void anInsurerAdminEnrolsListsAndEndsTheirOwnInsurersMembers() {
        StaffMember staff = insurerAdmin("test-nhi");
        Api admin = asOperator(staff);
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);

        Api.Response enrolled = admin.post("/api/v1/providers/test-nhi/members", enrolment(ssn, number));

        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        JsonNode member = enrolled.json();
        assertThat(member.has("personId"))
                .as("the relay-wide person ID stays in the relay")
                .isFalse();
        assertThat(member.toString()).doesNotContain(person);
        assertThat(member.path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(member.path("nameKanji").asText()).isEqualTo("鴨川 花子");
        assertThat(member.path("dateOfBirth").asText()).isEqualTo("1958-04-12");
        assertThat(member.path("sex").asText()).isEqualTo("FEMALE");
        assertThat(member.path("insurerNumber").asText()).isEqualTo(TEST_NHI_INSURER_NUMBER);
        assertThat(member.path("insuranceSymbol").asText()).isEqualTo("鴨川");
        assertThat(member.path("insuranceNumber").asText()).isEqualTo(number);
        assertThat(member.path("insuranceBranch").asText()).isEqualTo("01");
        assertThat(member.path("localId").asText()).isEqualTo(TEST_NHI_INSURER_NUMBER + "|鴨川|" + number + "|01");
        assertThat(member.path("validFrom").asText()).isEqualTo("2026-04-01");
        assertThat(member.has("validTo")).isFalse();
        assertThat(member.path("status").asText()).isEqualTo("ACTIVE");
        String mapping = member.path("mappingId").asText();
        // the city office's mapping API sees the same mapping
        assertThat(city().get("/api/v1/persons/" + person + "/mappings").json().findValuesAsText("id"))
                .contains(mapping);

        assertThat(listed(admin)).contains(mapping);

        Api.Response ended = admin.post(
                "/api/v1/providers/test-nhi/members/" + mapping + "/end",
                Map.of("validTo", "2026-09-30", "reason", "joined an employer's insurer"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("status").asText()).isEqualTo("ENDED");
        assertThat(ended.json().path("validTo").asText()).isEqualTo("2026-09-30");
        assertThat(admin.post("/api/v1/providers/test-nhi/members/" + mapping + "/end", Map.of("validTo", "2026-09-30"))
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
    }

    @Test
    void writesAccessLogRowsNamingTheConsoleAndTheStaffMember() {
        StaffMember staff = insurerAdmin("test-nhi");
        Api admin = asOperator(staff);
        String mapping = admin.post(
                        "/api/v1/providers/test-nhi/members",
                        enrolment(ssn, Long.toString(System.nanoTime() % 1_000_000_000L)))
                .json()
                .path("mappingId")
                .asText();
        // every page: the list logs a row for each member shown, wherever the resident falls in it
        assertThat(listed(admin)).contains(mapping);
        admin.post("/api/v1/providers/test-nhi/members/" + mapping + "/end", Map.of("reason", "deceased"));

        List<String> rows =
                jdbc.sql("""
                        SELECT a.caller || ' ' || a.acting_for || ' ' || a.action || ' ' || a.provider_key
                               || ' ' || a.purpose
                        FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :person::uuid AND a.caller = 'operator-console' ORDER BY a.id""").param("person", person).query(String.class).list();
        assertThat(rows)
                .containsExactly(
                        "operator-console " + staff.actor() + " MAPPING_REGISTER test-nhi insurer enrolment: moved in",
                        "operator-console " + staff.actor() + " MEMBERS_READ test-nhi insurer member list",
                        "operator-console " + staff.actor()
                                + " MAPPING_END test-nhi insurer end of membership: deceased");
    }

    @Test
    void refusesAnInsurerAdminForAnotherInsurersMembers() {
        String mapping = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String hospitalMapping =
                map(person, "test-hospital", Map.of("localNumber", "H" + System.nanoTime()), "2020-04-01");
        int mappings = count("service_mapping");
        int logged = count("access_log");

        Api other = asOperator(insurerAdmin("other-kenpo"));
        for (Api.Response refused : List.of(
                other.get("/api/v1/providers/test-nhi/members"),
                other.post("/api/v1/providers/test-nhi/members", enrolment(ssn, "1")),
                other.post("/api/v1/providers/test-nhi/members/" + mapping + "/end", Map.of()))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
        }
        // their own insurer's path with another provider's mapping ID: not theirs, so not found
        Api nhi = asOperator(insurerAdmin("test-nhi"));
        assertThat(nhi.post("/api/v1/providers/test-nhi/members/" + hospitalMapping + "/end", Map.of())
                        .problemCode())
                .isEqualTo("MAPPING_NOT_FOUND");
        assertThat(nhi.get("/api/v1/providers/test-hospital/members").status()).isEqualTo(403);
        // a client's own token, even the city office's, never reaches the members
        for (String client : new String[] {"city-office", "portal-gateway", "card-issuer", "insurer-adapters"}) {
            assertThat(as(client).get("/api/v1/providers/test-nhi/members").status())
                    .as(client)
                    .isEqualTo(403);
        }
        assertThat(count("service_mapping")).isEqualTo(mappings);
        assertThat(count("access_log")).isEqualTo(logged);
    }

    @Test
    void answersOneNotFoundForEveryMismatchOfSsnDateOfBirthOrKanaName() {
        Api admin = asOperator(insurerAdmin("test-nhi"));
        int mappings = count("service_mapping");
        int logged = count("access_log");
        List<Map<String, Object>> wrong = List.of(
                with(enrolment(newProvisionalSsn(), "1"), "provisionalSsn", newProvisionalSsn()),
                with(enrolment(ssn, "1"), "dateOfBirth", "1958-04-13"),
                with(enrolment(ssn, "1"), "nameKana", "カモガワ ハナエ"),
                with(enrolment(ssn, "1"), "nameKana", "鴨川 花子"));
        List<String> details = wrong.stream()
                .map(body -> {
                    Api.Response refused = admin.post("/api/v1/providers/test-nhi/members", body);
                    assertThat(refused.status()).isEqualTo(404);
                    assertThat(refused.problemCode()).isEqualTo("PERSON_NOT_FOUND");
                    return refused.json().path("detail").asText();
                })
                .distinct()
                .toList();
        assertThat(details).hasSize(1);
        assertThat(count("service_mapping")).isEqualTo(mappings);
        assertThat(count("access_log")).isEqualTo(logged);
        // the kana name is compared normalised: hiragana, half-width and without the space all match
        assertThat(admin.post(
                                "/api/v1/providers/test-nhi/members",
                                with(enrolment(ssn, "2" + System.nanoTime() % 1_000_000), "nameKana", "ｶﾓｶﾞﾜﾊﾅｺ"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void pagesTheMembersAndRefusesAPageOverOneHundred() {
        Api admin = asOperator(insurerAdmin("test-nhi"));
        map(person, "test-nhi", insuranceCard(), "2020-04-01");
        map(createPerson(), "test-nhi", insuranceCard(), "2020-04-01");
        JsonNode first =
                admin.get("/api/v1/providers/test-nhi/members?page=0&size=1").json();
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(1);
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode second =
                admin.get("/api/v1/providers/test-nhi/members?page=1&size=1").json();
        assertThat(second.path("items").get(0).path("mappingId").asText())
                .isNotEqualTo(first.path("items").get(0).path("mappingId").asText());
        Api.Response tooMany = admin.get("/api/v1/providers/test-nhi/members?size=101");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(admin.get("/api/v1/providers/test-nhi/members?page=-1").status())
                .isEqualTo(400);
    }

    @Test
    void refusesToEnrolAtAnInsurerWithoutAnInsurerNumber() {
        String key = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> insurer = new HashMap<>();
        insurer.put("key", key);
        insurer.put("type", "INSURER");
        insurer.put("nameJa", "番号なし保険");
        insurer.put("nameEn", "Numberless insurer");
        insurer.put("ssoMethod", "PROXY");
        insurer.put("idScheme", "INSURANCE_CARD");
        insurer.put("baseUrl", "https://" + key + ".test");
        assertThat(city().post("/api/v1/providers", insurer).status()).isEqualTo(201);

        Api.Response refused =
                asOperator(insurerAdmin(key)).post("/api/v1/providers/" + key + "/members", enrolment(ssn, "1"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("INSURER_NUMBER_UNKNOWN");
    }

    private List<String> listed(Api admin) {
        JsonNode page = admin.get("/api/v1/providers/test-nhi/members?size=100").json();
        long total = page.path("total").asLong();
        List<String> ids = new java.util.ArrayList<>(page.path("items").findValuesAsText("mappingId"));
        for (int p = 1; p * 100L < total; p++) {
            ids.addAll(admin.get("/api/v1/providers/test-nhi/members?size=100&page=" + p)
                    .json()
                    .path("items")
                    .findValuesAsText("mappingId"));
        }
        return ids;
    }

    private static Map<String, Object> enrolment(String provisionalSsn, String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("provisionalSsn", provisionalSsn);
        body.put("dateOfBirth", "1958-04-12");
        body.put("nameKana", "かもがわ　はなこ");
        body.put("insuranceSymbol", "鴨川");
        body.put("insuranceNumber", number);
        body.put("insuranceBranch", "０１");
        body.put("validFrom", "2026-04-01");
        body.put("reason", "moved in");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
