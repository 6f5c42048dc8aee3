package org.sscard.relay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * Operator tokens from the operators' console, role by action: a city administrator does the counter's work (persons,
 * look-ups, cards, services and subscriptions, the access log) and nothing of an insurer's; an insurer administrator
 * only their own insurer's members (MemberApiTest); the city office's own client works as before.
 */
class OperatorAccessTest extends RelayApiTest {

    @Test
    void aCityAdminRegistersReadsLooksUpSeesCardsAndSubscribes() {
        Api admin = asOperator(cityAdmin());
        Map<String, Object> body = personBody(null, newProvisionalSsn());
        body.remove("personalId");
        body.put("address", "千葉県鴨川市横渚１－２");
        Api.Response registered = admin.post("/api/v1/persons", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String person = registered.json().path("id").asText();
        map(person, "test-nhi", insuranceCard(), "2020-04-01");

        Map<String, Function<Api, Api.Response>> actions = new LinkedHashMap<>();
        actions.put("read", api -> api.get("/api/v1/persons/" + person));
        actions.put(
                "look up by SSN",
                api -> api.post(
                        "/api/v1/persons/lookup/by-provisional-ssn",
                        Map.of("provisionalSsn", body.get("provisionalSsn"), "dateOfBirth", "1958-04-12")));
        actions.put("cards", api -> api.get("/api/v1/persons/" + person + "/cards"));
        actions.put("service choices", api -> api.get("/api/v1/persons/" + person + "/service-choices"));
        actions.put("access log", api -> api.get("/api/v1/persons/" + person + "/access-log"));
        actions.forEach(
                (what, call) -> assertThat(call.apply(admin).status()).as(what).isEqualTo(200));

        Api.Response joined = admin.post(
                "/api/v1/persons/" + person + "/subscriptions",
                Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(admin.post(
                                "/api/v1/persons/" + person + "/subscriptions/"
                                        + joined.json().path("id").asText() + "/withdraw",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/persons/" + person + "/status", Map.of("status", "MOVED_OUT"))
                        .status())
                .isEqualTo(200);
        String personalId = newPersonalId();
        city().post("/api/v1/persons", personBody(personalId, newProvisionalSsn()));
        assertThat(admin.post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", personalId))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCityAdminCannotReadMembersDisputeLinksNorDoWhatTheRoleDoesNotHold() {
        Api admin = asOperator(cityAdmin());
        String person = createPerson();
        String mapping = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        List<Api.Response> refused = List.of(
                admin.get("/api/v1/providers/test-nhi/members"),
                admin.post("/api/v1/persons/" + person + "/links/" + mapping + "/dispute", Map.of()),
                admin.post(
                        "/api/v1/persons/" + person + "/mappings",
                        Map.of("providerKey", "test-nhi", "localId", insuranceCard(), "validFrom", "2021-01-01")),
                admin.get("/api/v1/persons/" + person + "/providers/test-nhi/identity"),
                admin.post(
                        "/api/v1/persons/" + person + "/cards",
                        Map.of(
                                "cardSerial", "KC-0001",
                                "certificateSerial", "1a2b3c",
                                "certificateSha256", "ab".repeat(32),
                                "issuedAt", "2026-04-01T00:00:00Z",
                                "expiresAt", "2031-03-31T23:59:59Z")),
                admin.get("/api/v1/staff?organisation=city"),
                admin.get("/api/v1/providers"),
                admin.post(
                        "/api/v1/releases",
                        Map.of("person", person, "providerKey", "test-nhi", "issued", "PAIRWISE_TOKEN")));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void anInsurerAdminIsRefusedPersonsCardsSubscriptionsAndLookUps() {
        Api admin = asOperator(insurerAdmin("test-nhi"));
        String person = createPerson();
        map(person, "test-nhi", insuranceCard(), "2020-04-01");
        int logged = count("access_log");
        List<Api.Response> refused = List.of(
                admin.post("/api/v1/persons", personBody(newPersonalId(), newProvisionalSsn())),
                admin.get("/api/v1/persons/" + person),
                admin.get("/api/v1/persons/" + person + "/cards"),
                admin.get("/api/v1/persons/" + person + "/service-choices"),
                admin.get("/api/v1/persons/" + person + "/mappings"),
                admin.get("/api/v1/persons/" + person + "/access-log"),
                admin.post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", "test-nhi", "serviceKey", "eligibility")),
                admin.post(
                        "/api/v1/persons/lookup/by-provisional-ssn",
                        Map.of("provisionalSsn", newProvisionalSsn(), "dateOfBirth", "1958-04-12")),
                admin.post(
                        "/api/v1/providers/test-nhi/reverse-resolve", Map.of("localId", Map.of("localNumber", "x"))));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        });
        assertThat(count("access_log")).isEqualTo(logged);
    }

    @Test
    void anOperatorTokenGetsNothingFromAnotherClientOrWithAMalformedActor() {
        String person = createPerson();
        // the gateway holds PERSON_READ itself; an operator token in its name gets none of it
        assertThat(asOperator("portal-gateway", cityAdmin())
                        .get("/api/v1/persons/" + person)
                        .status())
                .isEqualTo(403);
        assertThat(asOperator(new StaffMember("not-a-uuid", "CITY_ADMIN", "city"))
                        .get("/api/v1/persons/" + person)
                        .status())
                .isEqualTo(403);
        assertThat(asOperator(new StaffMember(cityAdmin().id(), "CITY_ADMIN", "test-nhi"))
                        .get("/api/v1/persons/" + person)
                        .status())
                .isEqualTo(403);
        assertThat(asOperator(new StaffMember(cityAdmin().id(), "RECEPTION_CLERK", "test-hospital"))
                        .get("/api/v1/persons/" + person)
                        .status())
                .isEqualTo(403);
        // the console's own client-credentials token holds nothing either
        assertThat(as("operator-console").get("/api/v1/persons/" + person).status())
                .isEqualTo(403);
    }

    @Test
    void theCityOfficeClientKeepsEverythingItHadButTheMembers() {
        Api city = city();
        String person = createPerson();
        String mapping = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        assertThat(city.get("/api/v1/persons/" + person + "/mappings").status()).isEqualTo(200);
        assertThat(city.get("/api/v1/persons/" + person + "/providers/test-nhi/identity")
                        .status())
                .isEqualTo(200);
        assertThat(city.post(
                                "/api/v1/persons/" + person + "/subscriptions",
                                Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"))
                        .status())
                .isEqualTo(201);
        assertThat(city.get("/api/v1/persons/" + person + "/cards").status()).isEqualTo(200);
        assertThat(city.get("/api/v1/staff?organisation=city").status()).isEqualTo(200);
        assertThat(city.get("/api/v1/providers/test-nhi/members").status()).isEqualTo(403);
        // nor does it dispute a resident's link: that is the resident's own word, through My Portal
        assertThat(city.post("/api/v1/persons/" + person + "/links/" + mapping + "/dispute", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void logsTheStaffMemberFromTheTokenAsActingForAndIgnoresTheHeader() {
        StaffMember staff = cityAdmin();
        String person = createPerson();
        asOperator(staff)
                .header("Sscard-Acting-For", "staff:someone-else")
                .header("Sscard-Purpose", "counter: change of address")
                .get("/api/v1/persons/" + person);

        Map<String, String> row = jdbc.sql("""
                        SELECT a.caller, a.acting_for, a.action, a.purpose FROM access_log a
                        JOIN person p ON p.id = a.subject_person_id WHERE p.opaque_id = :person::uuid
                        ORDER BY a.id DESC LIMIT 1""")
                .param("person", person)
                .query((rs, n) -> Map.of(
                        "caller", rs.getString(1),
                        "acting_for", rs.getString(2),
                        "action", rs.getString(3),
                        "purpose", rs.getString(4)))
                .single();
        assertThat(row)
                .isEqualTo(Map.of(
                        "caller", "operator-console",
                        "acting_for", staff.actor(),
                        "action", "PERSON_READ",
                        "purpose", "counter: change of address"));
        // and the person's status history names them as who changed it
        assertThat(asOperator(staff)
                        .post("/api/v1/persons/" + person + "/status", Map.of("status", "SUSPENDED"))
                        .json()
                        .path("statusHistory")
                        .get(1)
                        .path("changedBy")
                        .asText())
                .isEqualTo(staff.actor());
    }
}
