package org.sscard.relay.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * An insurer administrator's members (issue 17): their own insurer's only, each access logged with their staff ID.
 * Read only since issue 18: joiners and leavers are registered at the insurer, and the relay's gate links them.
 */
class MemberApiTest extends RelayApiTest {

    private String person;

    @BeforeEach
    void aResidentRegisteredAtTheCityOffice() {
        person = createPerson();
    }

    @Test
    void anInsurerAdminListsTheirOwnInsurersMembersWithoutTheRelaysPersonId() {
        Api admin = asOperator(insurerAdmin("test-nhi"));
        Map<String, Object> card = insuranceCard();
        String mapping = map(person, "test-nhi", card, "2026-04-01");

        JsonNode member = listed(admin).get(mapping);

        assertThat(member).isNotNull();
        assertThat(member.has("personId"))
                .as("the relay-wide person ID stays in the relay")
                .isFalse();
        assertThat(member.toString()).doesNotContain(person);
        assertThat(member.path("nameKana").asText()).isEqualTo("カモガワ　ハナコ");
        assertThat(member.path("nameKanji").asText()).isEqualTo("鴨川 花子");
        assertThat(member.path("dateOfBirth").asText()).isEqualTo("1958-04-12");
        assertThat(member.path("sex").asText()).isEqualTo("FEMALE");
        assertThat(member.path("insurerNumber").asText()).isEqualTo(TEST_NHI_INSURER_NUMBER);
        assertThat(member.path("insuranceNumber").asText()).isEqualTo(card.get("number"));
        assertThat(member.path("localId").asText())
                .isEqualTo(TEST_NHI_INSURER_NUMBER + "|S|" + card.get("number") + "|00");
        assertThat(member.path("validFrom").asText()).isEqualTo("2026-04-01");
        assertThat(member.has("validTo")).isFalse();
        assertThat(member.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void noLongerEnrolsOrEndsMembers() {
        String mapping = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        Api admin = asOperator(insurerAdmin("test-nhi"));
        int mappings = count("service_mapping");

        Api.Response enrol = admin.post(
                "/api/v1/providers/test-nhi/members",
                Map.of("provisionalSsn", newProvisionalSsn(), "validFrom", "2026-04-01"));
        Api.Response end = admin.post("/api/v1/providers/test-nhi/members/" + mapping + "/end", Map.of());

        assertThat(enrol.status()).isEqualTo(405);
        assertThat(end.status()).isEqualTo(404);
        assertThat(count("service_mapping")).isEqualTo(mappings);
        assertThat(city().get("/api/v1/persons/" + person + "/mappings")
                        .json()
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void writesOneAccessLogRowPerMemberShownNamingTheConsoleAndTheStaffMember() {
        StaffMember staff = insurerAdmin("test-nhi");
        Api admin = asOperator(staff);
        String mapping = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        // every page: the list logs a row for each member shown, wherever the resident falls in it
        assertThat(listed(admin)).containsKey(mapping);

        List<String> rows =
                jdbc.sql("""
                        SELECT a.caller || ' ' || a.acting_for || ' ' || a.action || ' ' || a.provider_key
                               || ' ' || a.purpose
                        FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :person::uuid AND a.caller = 'operator-console' ORDER BY a.id""").param("person", person).query(String.class).list();
        assertThat(rows)
                .containsExactly("operator-console " + staff.actor() + " MEMBERS_READ test-nhi insurer member list");
    }

    @Test
    void refusesAnInsurerAdminForAnotherInsurersMembersAndEveryServiceClient() {
        map(person, "test-nhi", insuranceCard(), "2020-04-01");
        int logged = count("access_log");

        Api.Response refused = asOperator(insurerAdmin("other-kenpo")).get("/api/v1/providers/test-nhi/members");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(asOperator(insurerAdmin("test-nhi"))
                        .get("/api/v1/providers/test-hospital/members")
                        .status())
                .isEqualTo(403);
        // a client's own token, even the city office's, never reaches the members
        for (String client : new String[] {"city-office", "portal-gateway", "card-issuer", "insurer-adapters"}) {
            assertThat(as(client).get("/api/v1/providers/test-nhi/members").status())
                    .as(client)
                    .isEqualTo(403);
        }
        assertThat(count("access_log")).isEqualTo(logged);
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

    /** Every member the administrator is shown, all pages, by mapping ID. */
    private Map<String, JsonNode> listed(Api admin) {
        Map<String, JsonNode> members = new java.util.HashMap<>();
        long total = Long.MAX_VALUE;
        for (int p = 0; p * 100L < total; p++) {
            JsonNode page = admin.get("/api/v1/providers/test-nhi/members?size=100&page=" + p)
                    .json();
            total = page.path("total").asLong();
            page.path("items")
                    .forEach(item -> members.put(item.path("mappingId").asText(), item));
        }
        return members;
    }
}
