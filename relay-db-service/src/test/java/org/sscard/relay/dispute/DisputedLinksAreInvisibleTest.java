package org.sscard.relay.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.LinkStates;
import org.sscard.relay.support.RelayApiTest;

/**
 * A SUSPENDED link (the resident said "this is not me") and a REMOVED one (the provider's administrator confirmed it)
 * are invisible to every look-up (issue 18), one test per look-up, each first seeing the link while it is visible.
 * The reception desk's look-ups: {@code reception/ReceptionDisputedLinkTest}; registration: {@link
 * DisputedLinksAndRegistrationTest}.
 */
class DisputedLinksAreInvisibleTest extends RelayApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void myPortalsMenuHasNoTileForTheProviderUntilTheLinkIsReinstated(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        map(person, "test-hospital", Map.of("localNumber", "T" + System.nanoTime()), "2020-04-01");
        subscribe(person, "test-nhi", "eligibility");
        subscribe(person, "test-hospital", "medical-records");
        assertThat(menu(person)).containsEntry("test-nhi", true).containsEntry("test-hospital", true);

        hide(person, nhi, state);

        assertThat(menu(person)).containsOnlyKeys("test-hospital");
        if (state.equals("SUSPENDED")) {
            LinkStates.reinstate(jdbc, nhi);
            assertThat(menu(person)).containsEntry("test-nhi", true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void serviceChoicesOfferNothingToJoinButKeepAJoinedServiceToWithdrawFrom(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String joined = subscribe(person, "test-nhi", "eligibility");
        assertThat(choices(person)).containsEntry("test-nhi/medical-expense-notice", "JOINABLE");

        hide(person, nhi, state);

        assertThat(choices(person))
                .containsEntry("test-nhi/medical-expense-notice", "NOT_KNOWN")
                .containsEntry("test-nhi/eligibility", "JOINED");
        assertThat(as("portal-gateway")
                        .post("/api/v1/persons/" + person + "/subscriptions/" + joined + "/withdraw", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void subscribingIsNotJoinable(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        hide(person, nhi, state);
        int subscriptions = count("subscription");

        for (Api caller : new Api[] {as("portal-gateway"), city()}) {
            Api.Response refused = caller.post(
                    "/api/v1/persons/" + person + "/subscriptions",
                    Map.of("providerKey", "test-nhi", "serviceKey", "eligibility"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.problemCode()).isEqualTo("NOT_JOINABLE");
        }
        assertThat(count("subscription")).isEqualTo(subscriptions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void releasesNeitherATokenNorAnAssertionAndLogTheRefusal(String state) {
        String person = createPerson();
        String number = "R" + System.nanoTime();
        String hospital = map(person, "test-hospital", Map.of("localNumber", number), "2020-04-01");
        subscribe(person, "test-hospital", "medical-records");
        assertThat(release(person, "SAML_ASSERTION")
                        .json()
                        .path("providerLocalId")
                        .asText())
                .isEqualTo(number);

        hide(person, hospital, state);

        for (String issued : new String[] {"PAIRWISE_TOKEN", "SAML_ASSERTION"}) {
            Api.Response refused = release(person, issued);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
            assertThat(refused.body()).doesNotContain(number);
            assertThat(jdbc.sql("""
                            SELECT a.action FROM access_log a JOIN person p ON p.id = a.subject_person_id
                            WHERE p.opaque_id = :person::uuid ORDER BY a.id DESC LIMIT 1""").param("person", person).query(String.class).single())
                    .isEqualTo("RELEASE_REFUSED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void resolvesNothing(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String path = "/api/v1/persons/" + person + "/providers/test-nhi/identity";
        assertThat(city().get(path).status()).isEqualTo(200);

        hide(person, nhi, state);

        Api.Response refused = city().get(path);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void reverseResolvesNobody(String state) {
        String person = createPerson();
        String number = "V" + System.nanoTime();
        String hospital = map(person, "test-hospital", Map.of("localNumber", number), "2020-04-01");
        Map<String, Object> question = Map.of("localId", Map.of("localNumber", number));
        String path = "/api/v1/providers/test-hospital/reverse-resolve";
        assertThat(city().post(path, question).json().path("personId").asText()).isEqualTo(person);

        hide(person, hospital, state);

        Api.Response refused = city().post(path, question);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
        assertThat(refused.body()).doesNotContain(person);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void theCityOfficesMappingListLeavesItOutAndCannotEndIt(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        String hospital = map(person, "test-hospital", Map.of("localNumber", "C" + System.nanoTime()), "2020-04-01");
        assertThat(mappings(person)).containsExactlyInAnyOrder(nhi, hospital);

        hide(person, nhi, state);

        assertThat(mappings(person)).containsExactly(hospital);
        Api.Response end =
                city().post("/api/v1/persons/" + person + "/mappings/" + nhi + "/end", Map.of("validTo", "2024-03-31"));
        assertThat(end.status()).isEqualTo(404);
        assertThat(end.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
        assertThat(jdbc.sql("SELECT status FROM service_mapping WHERE opaque_id = :m::uuid")
                        .param("m", nhi)
                        .query(String.class)
                        .single())
                .isEqualTo(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REMOVED"})
    void theInsurersMemberListLeavesItOutAndDoesNotCountIt(String state) {
        String person = createPerson();
        String nhi = map(person, "test-nhi", insuranceCard(), "2020-04-01");
        Api admin = asOperator(insurerAdmin("test-nhi"));
        JsonNode before = admin.get("/api/v1/providers/test-nhi/members?size=1").json();
        assertThat(members(admin)).contains(nhi);

        hide(person, nhi, state);

        assertThat(members(admin)).doesNotContain(nhi);
        assertThat(admin.get("/api/v1/providers/test-nhi/members?size=1")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(before.path("total").asLong() - 1);
    }

    private void hide(String person, String mapping, String state) {
        LinkStates.hide(as("portal-gateway"), jdbc, person, mapping, state);
    }

    private String subscribe(String person, String provider, String service) {
        Api.Response created = city().post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", provider, "serviceKey", service));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** My Portal's menu: provider → mapped. */
    private Map<String, Boolean> menu(String person) {
        Map<String, Boolean> tiles = new HashMap<>();
        as("portal-gateway")
                .get("/api/v1/persons/" + person + "/services")
                .json()
                .forEach(entry -> tiles.put(
                        entry.path("providerKey").asText(), entry.path("mapped").asBoolean()));
        return tiles;
    }

    /** provider/service → state. */
    private Map<String, String> choices(String person) {
        Map<String, String> states = new HashMap<>();
        as("portal-gateway")
                .get("/api/v1/persons/" + person + "/service-choices")
                .json()
                .forEach(choice -> states.put(
                        choice.path("providerKey").asText() + "/"
                                + choice.path("serviceKey").asText(),
                        choice.path("state").asText()));
        return states;
    }

    private Api.Response release(String person, String issued) {
        return as("auth-service")
                .post("/api/v1/releases", Map.of("person", person, "providerKey", "test-hospital", "issued", issued));
    }

    private java.util.List<String> mappings(String person) {
        return city().get("/api/v1/persons/" + person + "/mappings").json().findValuesAsText("id");
    }

    private java.util.List<String> members(Api admin) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int page = 0; page * 100L < total; page++) {
            JsonNode answer = admin.get("/api/v1/providers/test-nhi/members?size=100&page=" + page)
                    .json();
            total = answer.path("total").asLong();
            ids.addAll(answer.path("items").findValuesAsText("mappingId"));
        }
        return ids;
    }
}
