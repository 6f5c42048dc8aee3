package org.sscard.console.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * The city's resident screens against the stand-in relay: finding by SSN and date of birth (never in a URL),
 * registering without a personal ID, the resident's page with cards, history and service choices, subscriptions at
 * the resident's request, and the relay's refusals said in both languages, each action in admin_action.
 */
class ResidentsTest extends ConsoleTest {

    private static final String P = "/residents/" + Fixtures.PERSON;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void findsAResidentBySsnAndDateOfBirthInTheBodyOnly() throws Exception {
        String staff = newStaff();
        mvc.perform(post("/residents/search")
                        .param("provisionalSsn", "１０００-００００-０００１")
                        .param("dateOfBirth", "1970-04-01")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(P));

        FakePlatform.Call lookup = PLATFORM.calls().get(0);
        assertThat(lookup.path()).isEqualTo("/relay/api/v1/persons/lookup/by-provisional-ssn");
        assertThat(json.readTree(lookup.body()).get("provisionalSsn").asText()).isEqualTo("100000000001");
        assertThat(json.readTree(lookup.body()).get("dateOfBirth").asText()).isEqualTo("1970-04-01");
        assertThat(actionsOf(staff)).containsExactly("FIND_RESIDENT ASKED", "FIND_RESIDENT DONE");
        assertThat(jdbc.sql("SELECT acting_for FROM admin_action WHERE staff_id = :s AND outcome = 'DONE'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo(Fixtures.PERSON.toString());
    }

    @Test
    void saysNobodyMatchesInBothLanguagesAndRecordsTheLookUp() throws Exception {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons/lookup/by-provisional-ssn",
                404,
                "{\"status\":404,\"code\":\"PERSON_NOT_MATCHED\",\"detail\":\"no\"}");
        String staff = newStaff();

        mvc.perform(post("/residents/search")
                        .param("provisionalSsn", "100000000001")
                        .param("dateOfBirth", "1970-04-02")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("一致する住民はいません"),
                                containsString("No resident matches"),
                                not(containsString("100000000001\"")))));
        assertThat(actionsOf(staff)).containsExactly("FIND_RESIDENT ASKED", "FIND_RESIDENT REFUSED");
    }

    @Test
    void registersAResidentWithoutAPersonalIdAndRecordsWhoDidIt() throws Exception {
        String staff = newStaff();
        mvc.perform(post("/residents")
                        .param("nameKana", "ｶﾓｶﾞﾜ ﾊﾅｺ")
                        .param("nameKanji", "鴨川 花子")
                        .param("dateOfBirth", "1970-04-01")
                        .param("sex", "FEMALE")
                        .param("address", "千葉県鴨川市横渚１４５０")
                        .param("provisionalSsn", "100000000001")
                        .param("reason", "転入届")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=registered"));

        JsonNode body = json.readTree(PLATFORM.calls().get(0).body());
        assertThat(body.has("personalId")).isFalse();
        assertThat(body.get("nameKana").asText()).isEqualTo("カモガワ ハナコ");
        assertThat(body.get("address").asText()).isEqualTo("千葉県鴨川市横渚1450");
        assertThat(body.get("sex").asText()).isEqualTo("FEMALE");
        assertThat(actionsOf(staff)).containsExactly("REGISTER_RESIDENT ASKED", "REGISTER_RESIDENT DONE");
        var done = jdbc.sql("""
                        SELECT role, organisation, acting_for, reason, CAST(after AS text) AS after
                        FROM admin_action WHERE staff_id = :s ORDER BY outcome""").param("s", staff).query().listOfRows();
        assertThat(done.get(0)).containsEntry("role", "CITY_ADMIN").containsEntry("organisation", "city");
        assertThat(done.get(0).get("reason")).isEqualTo("転入届");
        assertThat(done.get(1).get("acting_for")).isEqualTo(Fixtures.PERSON.toString());
        assertThat((String) done.get(1).get("after"))
                .contains(Fixtures.PERSON.toString())
                .doesNotContain("100000000001", "鴨川", "横渚");
    }

    @Test
    void keepsTheFormAndSaysWhyWhenTheRelayRefusesADuplicate() throws Exception {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons",
                409,
                "{\"status\":409,\"code\":\"DUPLICATE_PERSON\",\"detail\":\"the person is already registered\"}");
        String staff = newStaff();

        mvc.perform(post("/residents")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("dateOfBirth", "1970-04-01")
                        .param("sex", "FEMALE")
                        .param("address", "千葉県鴨川市")
                        .param("provisionalSsn", "100000000001")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("すでに登録されています"),
                                containsString("is already registered. Use"),
                                containsString("409 DUPLICATE_PERSON"),
                                containsString("value=\"カモガワ ハナコ\""),
                                not(containsString("the person is already registered")))));
        assertThat(actionsOf(staff)).containsExactly("REGISTER_RESIDENT ASKED", "REGISTER_RESIDENT REFUSED");
        assertThat(jdbc.sql("SELECT problem FROM admin_action WHERE staff_id = :s AND outcome = 'REFUSED'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo("DUPLICATE_PERSON");
    }

    @Test
    void showsTheResidentsDataCardsWithTheirHistoryAndServiceChoices() throws Exception {
        String staff = newStaff();
        mvc.perform(get(P).with(login(Persona.CITY_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("鴨川 花子"),
                                containsString("千葉県鴨川市横渚1450"),
                                containsString("100000000001"),
                                containsString("昭和45年（1970年）4月1日"),
                                containsString("一時停止中"),
                                containsString("staff:9f0e8d7c-1111-4222-8333-944444444444"),
                                containsString(P + "/cards/C-ACTIVE-1/suspend"),
                                containsString(P + "/cards/C-HOLD-1/resume"),
                                not(containsString(P + "/cards/C-OLD-1/")),
                                containsString(P + "/subscriptions/" + Fixtures.SUBSCRIPTION + "/end"),
                                containsString("name=\"providerKey\" value=\"kameda-kenpo\""),
                                containsString("提供者がこの方を今日の時点で把握していないため"))));
        assertThat(actionsOf(staff)).containsExactly("READ_RESIDENT ASKED", "READ_RESIDENT DONE");
    }

    @Test
    void registersAndEndsASubscriptionAtTheResidentsRequest() throws Exception {
        String staff = newStaff();
        mvc.perform(post(P + "/subscriptions")
                        .param("providerKey", "kameda-kenpo")
                        .param("serviceKey", "eligibility")
                        .param("reason", "窓口で申し出")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=subscribed"));
        JsonNode body = json.readTree(PLATFORM.calls().get(0).body());
        assertThat(body.get("providerKey").asText()).isEqualTo("kameda-kenpo");
        assertThat(body.get("serviceKey").asText()).isEqualTo("eligibility");

        mvc.perform(post(P + "/subscriptions/" + Fixtures.SUBSCRIPTION + "/end")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(P + "?done=ended"));
        assertThat(PLATFORM.calls().get(1).path())
                .isEqualTo("/relay/api/v1/persons/" + Fixtures.PERSON + "/subscriptions/" + Fixtures.SUBSCRIPTION
                        + "/withdraw");
        assertThat(actionsOf(staff))
                .containsExactly(
                        "SUBSCRIBE ASKED", "SUBSCRIBE DONE", "END_SUBSCRIPTION ASKED", "END_SUBSCRIPTION DONE");
    }

    @Test
    void saysNotJoinableAndForbiddenInDesignedWordsNeverAStackTrace() throws Exception {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons/[^/]+/subscriptions",
                409,
                "{\"status\":409,\"code\":\"NOT_JOINABLE\",\"detail\":\"no mapping valid today\"}");
        mvc.perform(post(P + "/subscriptions")
                        .param("providerKey", "pension-office")
                        .param("serviceKey", "pension")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("提供者がこの方を今日の時点で把握していないため"),
                                containsString("The provider does not know this person today"),
                                containsString("href=\"" + P + "\""),
                                not(containsString("no mapping valid today")))));

        PLATFORM.on(
                "GET",
                "/relay/api/v1/persons/[^/]+",
                403,
                "{\"status\":403,\"code\":\"FORBIDDEN\",\"detail\":\"java.lang.IllegalStateException at x.y\"}");
        mvc.perform(get(P).with(login(Persona.CITY_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(allOf(
                                containsString("この操作を行う権限がありません"),
                                containsString("You are not allowed to do this"),
                                not(containsString("IllegalStateException")))));
    }

    @Test
    void namesTheFieldsTheRelayDidNotTake() throws Exception {
        PLATFORM.on(
                "POST",
                "/relay/api/v1/persons",
                400,
                "{\"status\":400,\"code\":\"INVALID_FIELD\",\"detail\":\"address: too long\","
                        + "\"errors\":[{\"field\":\"address\",\"message\":\"too long\"}]}");

        mvc.perform(post("/residents")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("dateOfBirth", "1970-04-01")
                        .param("sex", "FEMALE")
                        .param("address", "千葉県鴨川市")
                        .param("provisionalSsn", "100000000001")
                        .param("lang", "en")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("入力の内容を受け付けられませんでした"),
                                containsString("Fields to check"),
                                containsString("<span>Address</span>"),
                                not(containsString("too long")))));
    }

    @Test
    void aRelayThatCannotBeReachedIsSaidPlainly() throws Exception {
        PLATFORM.on("GET", "/relay/api/v1/persons/[^/]+", 500, "{}");
        mvc.perform(get(P).with(login(Persona.CITY_ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content()
                        .string(allOf(containsString("相手のシステムにつながらないか"), containsString("could not be reached"))));
    }
}
