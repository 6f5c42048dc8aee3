package org.sscard.console.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * Joiners and leavers registered in the insurer's own register at insurer-adapters (which publishes them to the
 * relay): the forms' fields as the joiner and leaver APIs take them, with an operator token for the own insurer; the
 * insurer's refusals (MEMBER_EXISTS, LOSS_ALREADY_REGISTERED, an unknown member, a date it did not take) as designed
 * messages above the kept form; admin_action with local IDs and dates, never a name, an address or an SSN.
 */
class JoinersAndLeaversTest extends ConsoleTest {

    private static final String API = "/adapters/kameda-kenpo/api/v1/members";

    private final ObjectMapper json = new ObjectMapper();

    /** A joiner as an administrator types it: full-width digits, a one-digit branch, the SSN with hyphens. */
    static MultiValueMap<String, String> joiner() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("symbol", "10");
        form.add("number", "２００３");
        form.add("branch", "1");
        form.add("relationship", "DEPENDANT");
        form.add("nameKana", "ｶﾓｶﾞﾜ ﾊﾅｺ");
        form.add("nameKanji", "鴨川 花子");
        form.add("dateOfBirth", "1970-04-01");
        form.add("sex", "FEMALE");
        form.add("address", "千葉県鴨川市横渚1450");
        form.add("provisionalSsn", "1000-0000-0001");
        form.add("acquiredOn", "2026-12-01");
        form.add("copayPercent", "30");
        return form;
    }

    @Test
    void registersAJoinerWithTheFiveItemsAndRecordsNoNameAddressOrSsn() throws Exception {
        String staff = newStaff();

        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .params(joiner())
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/members?done=joined"));

        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo(API);
        assertThat(PLATFORM.audienceOf(call.bearer())).isEqualTo("kameda-kenpo");
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("symbol").asText()).isEqualTo("10");
        assertThat(body.get("number").asText()).isEqualTo("2003");
        assertThat(body.get("branch").asText()).isEqualTo("01");
        assertThat(body.get("relationship").asText()).isEqualTo("DEPENDANT");
        assertThat(body.get("nameKana").asText()).as("NFKC").isEqualTo("カモガワ ハナコ");
        assertThat(body.get("nameKanji").asText()).isEqualTo("鴨川 花子");
        assertThat(body.get("dateOfBirth").asText()).isEqualTo("1970-04-01");
        assertThat(body.get("sex").asText()).isEqualTo("FEMALE");
        assertThat(body.get("address").asText()).isEqualTo("千葉県鴨川市横渚1450");
        assertThat(body.get("provisionalSsn").asText()).isEqualTo("100000000001");
        assertThat(body.get("acquiredOn").asText()).isEqualTo("2026-12-01");
        assertThat(body.get("copayPercent").isInt()).isTrue();
        assertThat(body.get("copayPercent").asInt()).isEqualTo(30);
        assertThat(body.has("limitCategory")).isFalse();

        assertThat(actionsOf(staff)).containsExactly("REGISTER_JOINER ASKED", "REGISTER_JOINER DONE");
        JsonNode before = recorded(staff, "ASKED", "before");
        assertThat(before.path("number").asText()).isEqualTo("2003");
        assertThat(before.path("acquiredOn").asText()).isEqualTo("2026-12-01");
        assertThat(before.path("provisionalSsnGiven").asBoolean()).isTrue();
        assertThat(recorded(staff, "DONE", "after").path("localId").asText()).isEqualTo(Fixtures.LOCAL_ID);
        assertThat(everythingRecorded(staff))
                .doesNotContain("鴨川 花子", "カモガワ", "天津", "アマツ", "横渚", "100000000001", "1970-04-01", "1978-02-14");
    }

    @Test
    void sendsAJoinerWithoutSsnOrAddressWithoutThem() throws Exception {
        String staff = newStaff();
        MultiValueMap<String, String> form = joiner();
        form.set("provisionalSsn", " ");
        form.set("address", "");
        form.set("limitCategory", "一般Ⅰ");

        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .params(form)
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/members?done=joined"));

        JsonNode body = json.readTree(PLATFORM.calls().get(0).body());
        assertThat(body.has("provisionalSsn")).isFalse();
        assertThat(body.has("address")).isFalse();
        assertThat(body.get("limitCategory").asText()).as("NFKC").isEqualTo("一般I");
        JsonNode before = recorded(staff, "ASKED", "before");
        assertThat(before.path("provisionalSsnGiven").asBoolean()).isFalse();
        assertThat(before.path("addressGiven").asBoolean()).isFalse();
    }

    @Test
    void refusesAnIncompleteJoinerWithoutAskingAndKeepsWhatWasTyped() throws Exception {
        MultiValueMap<String, String> form = joiner();
        form.set("branch", "123");
        form.remove("sex");
        form.set("provisionalSsn", "12345");
        form.set("acquiredOn", "1969-12-31");
        form.set("symbol", "1|0");

        String page = mvc.perform(post("/insurers/kameda-kenpo/members")
                        .params(form)
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("記号を20文字まで（「|」を除く）", "枝番は数字1〜2桁です", "性別を選んでください")
                .contains("仮の社会保障番号は数字12桁です", "資格取得日が生年月日より前になっています")
                .contains("value=\"ｶﾓｶﾞﾜ ﾊﾅｺ\"", "id=\"symbol\"")
                .containsPattern("id=\"symbol\"[^>]*autofocus");
        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void saysTheMemberExistsAboveTheKeptFormAndRecordsTheRefusal() throws Exception {
        String staff = newStaff();
        PLATFORM.on(
                "POST",
                API,
                409,
                "{\"status\":409,\"code\":\"MEMBER_EXISTS\",\"detail\":\"a stack trace must not show\"}");

        mvc.perform(post("/insurers/kameda-kenpo/members")
                        .params(joiner())
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("この記号・番号・枝番の加入者はすでに登録されています"),
                                containsString("A member with this symbol, number and branch is already registered"),
                                containsString("409 MEMBER_EXISTS"),
                                containsString("value=\"鴨川 花子\""),
                                containsString("href=\"/insurers/kameda-kenpo/members\""))));
        assertThat(jdbc.sql("SELECT problem FROM admin_action WHERE staff_id = :s AND outcome = 'REFUSED'")
                        .param("s", staff)
                        .query(String.class)
                        .single())
                .isEqualTo("MEMBER_EXISTS");
    }

    @Test
    void registersALossForTheMemberWithTheDateAndTheReason() throws Exception {
        String staff = newStaff();
        mvc.perform(get("/insurers/kameda-kenpo/members/loss")
                        .param("member", Fixtures.LOCAL_ID)
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("10 2001 01"),
                                containsString("name=\"localId\" value=\"06139999|10|2001|01\""),
                                containsString("保険が使えなくなる最初の日"))));
        assertThat(PLATFORM.requests()).as("the form alone asks nobody").isZero();

        mvc.perform(post("/insurers/kameda-kenpo/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", "2026-12-01")
                        .param("reason", "就職（扶養から外れる）")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl("/insurers/kameda-kenpo/members?done=lossRegistered"));

        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo(API + "/06139999%7C10%7C2001%7C01/loss");
        assertThat(PLATFORM.audienceOf(call.bearer())).isEqualTo("kameda-kenpo");
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(body.get("reason").asText()).isEqualTo("就職(扶養から外れる)");
        assertThat(actionsOf(staff)).containsExactly("REGISTER_LOSS ASKED", "REGISTER_LOSS DONE");
        JsonNode before = recorded(staff, "ASKED", "before");
        assertThat(before.path("localId").asText()).isEqualTo(Fixtures.LOCAL_ID);
        assertThat(before.path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(recorded(staff, "DONE", "after").path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(everythingRecorded(staff)).doesNotContain("天津", "アマツ", "1978-02-14");
    }

    @Test
    void saysTheInsurersRefusalsOfALossAboveTheKeptForm() throws Exception {
        String loss = API + "/[^/]+/loss";
        PLATFORM.on(
                "POST",
                loss,
                409,
                "{\"status\":409,\"code\":\"LOSS_ALREADY_REGISTERED\",\"detail\":\"a stack trace must not show\"}");
        assertThat(lossPage("2026-12-01", 409))
                .contains("この資格喪失日はすでに登録されています", "This loss date is already registered")
                .contains("409 LOSS_ALREADY_REGISTERED", "value=\"2026-12-01\"")
                .doesNotContain("a stack trace must not show");

        PLATFORM.on("POST", loss, 404, "{\"status\":404,\"code\":\"MEMBER_NOT_FOUND\",\"detail\":\"no\"}");
        assertThat(lossPage("2026-12-01", 404))
                .contains("この加入者は見つかりません", "This member was not found", "href=\"/insurers/kameda-kenpo/members\"");

        PLATFORM.on(
                "POST",
                loss,
                400,
                "{\"status\":400,\"code\":\"INVALID_FIELD\",\"detail\":\"before acquisition\","
                        + "\"errors\":[{\"field\":\"lostOn\",\"reason\":\"before acquiredOn\"}]}");
        assertThat(lossPage("2001-01-01", 400)).contains("400 INVALID_FIELD", "確かめる項目", "value=\"2001-01-01\"");
    }

    @Test
    void refusesALossWithoutADateOrForNoMemberWithoutAsking() throws Exception {
        mvc.perform(post("/insurers/kameda-kenpo/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", "")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("資格喪失日を 年-月-日 の形で入力してください")));
        mvc.perform(get("/insurers/kameda-kenpo/members/loss")
                        .param("member", "not a member")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("対象が見つかりませんでした"),
                                containsString("href=\"/insurers/kameda-kenpo/members\""))));
        assertThat(PLATFORM.requests()).isZero();
    }

    private String lossPage(String lostOn, int status) throws Exception {
        return mvc.perform(post("/insurers/kameda-kenpo/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", lostOn)
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode recorded(String staff, String outcome, String column) throws Exception {
        return json.readTree(
                jdbc.sql("SELECT " + column + "::text FROM admin_action WHERE staff_id = :s AND outcome = :o")
                        .param("s", staff)
                        .param("o", outcome)
                        .query(String.class)
                        .single());
    }

    /** Every admin_action row of the staff member as text: what a reader of the table would see. */
    private String everythingRecorded(String staff) {
        return String.join(
                "\n",
                jdbc.sql("SELECT row_to_json(a)::text FROM admin_action a WHERE staff_id = :s")
                        .param("s", staff)
                        .query(String.class)
                        .list());
    }
}
