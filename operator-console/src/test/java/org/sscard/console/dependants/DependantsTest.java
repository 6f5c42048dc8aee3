package org.sscard.console.dependants;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * The insurer's review of the dependant verification with the stand-in insurer-adapters: the own insurer only, with
 * an operator token whose audience is the own key; accepting only after the confirmation; returning only with a
 * reason; the insurer's 409s as designed messages; every read and decision in admin_action.
 */
class DependantsTest extends ConsoleTest {

    private static final String V = "/insurers/kameda-kenpo/dependants/" + Fixtures.VERIFICATION;
    private static final String API = "/adapters/kameda-kenpo/api/v1/dependant-verifications";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesAnInsurerAdminForAnotherInsurersVerifications() throws Exception {
        String other = "/insurers/kamogawa-nhi/dependants";
        mvc.perform(get(other).with(login(Persona.KAMEDA_KENPO_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get(other + "/" + Fixtures.VERIFICATION).with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post(other + "/" + Fixtures.VERIFICATION + "/accept")
                        .param("confirmed", "yes")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(V + "/return")
                        .param("reason", "x")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // no CSRF token
        mvc.perform(post(V + "/accept").param("confirmed", "yes").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden());

        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void listsTheSubmittedFirstWithTheOwnInsurersTokenAndRecordsTheView() throws Exception {
        String staff = newStaff();

        mvc.perform(get("/insurers/kameda-kenpo/dependants").with(login(Persona.KAMEDA_KENPO_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("天津 一郎"), containsString(V))));

        FakePlatform.Call call = PLATFORM.calls().get(0);
        assertThat(call.path()).isEqualTo(API + "?page=0&size=50&status=SUBMITTED");
        assertThat(PLATFORM.audienceOf(call.bearer())).isEqualTo("kameda-kenpo");
        assertThat(actionsOf(staff))
                .containsExactly("LIST_DEPENDANT_VERIFICATIONS ASKED", "LIST_DEPENDANT_VERIFICATIONS DONE");

        mvc.perform(get("/insurers/kameda-kenpo/dependants")
                        .param("status", "ALL")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isOk());
        assertThat(PLATFORM.calls().get(1).path()).isEqualTo(API + "?page=0&size=50");
    }

    @Test
    void showsTheAnswersAndNotesAndAcceptsOnlyAfterTheConfirmation() throws Exception {
        String staff = newStaff();
        mvc.perform(get(V).with(login(Persona.KAMEDA_KENPO_ADMIN, staff)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("天津 さくら"),
                                containsString("扶養から外れた"),
                                containsString("就職しました"),
                                containsString("住民の方が回答"))));

        mvc.perform(post(V + "/accept")
                        .param("reason", "確認済み")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("本日で被扶養者としての資格を失います"), containsString("天津 さくら"))));
        assertThat(PLATFORM.calls()).noneMatch(call -> call.method().equals("POST"));

        mvc.perform(post(V + "/accept")
                        .param("reason", "確認済み")
                        .param("confirmed", "yes")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(V + "?done=accepted"));

        FakePlatform.Call accept = PLATFORM.calls().get(PLATFORM.calls().size() - 1);
        assertThat(accept.method()).isEqualTo("POST");
        assertThat(accept.path()).isEqualTo(API + "/" + Fixtures.VERIFICATION + "/accept");
        assertThat(PLATFORM.audienceOf(accept.bearer())).isEqualTo("kameda-kenpo");
        assertThat(json.readTree(accept.body()).path("reason").asText()).isEqualTo("確認済み");
        assertThat(actionsOf(staff))
                .containsSubsequence("ACCEPT_DEPENDANT_VERIFICATION ASKED", "ACCEPT_DEPENDANT_VERIFICATION DONE")
                .contains("READ_DEPENDANT_VERIFICATION DONE");
        JsonNode before = recorded(staff, "ACCEPT_DEPENDANT_VERIFICATION", "ASKED", "before");
        JsonNode after = recorded(staff, "ACCEPT_DEPENDANT_VERIFICATION", "DONE", "after");
        assertThat(before.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(after.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(after.path("answers").get(0).path("lostOn").asText()).isEqualTo("2026-12-08");
        assertThat(before.toString() + after).doesNotContain("天津", "就職");
    }

    @Test
    void refusesToReturnWithoutAReasonAndReturnsWithTheOneGiven() throws Exception {
        String staff = newStaff();
        mvc.perform(post(V + "/return")
                        .param("reason", "  ")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("差し戻す理由を200文字までで入力してください")));
        assertThat(PLATFORM.calls()).noneMatch(call -> call.method().equals("POST"));

        mvc.perform(post(V + "/return")
                        .param("reason", "就職した日を補足に書いてください")
                        .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                        .with(csrf()))
                .andExpect(redirectedUrl(V + "?done=returned"));
        FakePlatform.Call giveBack = PLATFORM.calls().get(PLATFORM.calls().size() - 1);
        assertThat(giveBack.path()).isEqualTo(API + "/" + Fixtures.VERIFICATION + "/return");
        assertThat(PLATFORM.audienceOf(giveBack.bearer())).isEqualTo("kameda-kenpo");
        assertThat(json.readTree(giveBack.body()).path("reason").asText()).isEqualTo("就職した日を補足に書いてください");
        assertThat(recorded(staff, "RETURN_DEPENDANT_VERIFICATION", "DONE", "after")
                        .path("status")
                        .asText())
                .isEqualTo("RETURNED");
    }

    @Test
    void showsTheInsurersConflictsAsDesignedMessagesAndRecordsThem() throws Exception {
        String staff = newStaff();
        for (String code : List.of("VERIFICATION_DECIDED", "MEMBER_CHANGED")) {
            PLATFORM.on(
                    "POST",
                    API + "/[^/]+/accept",
                    409,
                    "{\"status\":409,\"code\":\"" + code + "\",\"detail\":\"a stack trace must not show\"}");
            String page = mvc.perform(post(V + "/accept")
                            .param("confirmed", "yes")
                            .with(login(Persona.KAMEDA_KENPO_ADMIN, staff))
                            .with(csrf()))
                    .andExpect(status().isConflict())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("409 " + code, "href=\"" + V + "\"")
                    .doesNotContain("a stack trace must not show");
            assertThat(page)
                    .contains(
                            code.equals("MEMBER_CHANGED") ? "差し戻して" : "すでに承認または差し戻しされています",
                            code.equals("MEMBER_CHANGED") ? "return it so that" : "already been accepted or returned");
        }
        assertThat(jdbc.sql("SELECT problem FROM admin_action WHERE staff_id = :s AND outcome = 'REFUSED' ORDER BY at")
                        .param("s", staff)
                        .query(String.class)
                        .list())
                .containsExactly("VERIFICATION_DECIDED", "MEMBER_CHANGED");
    }

    private JsonNode recorded(String staff, String action, String outcome, String column) throws Exception {
        String value = jdbc.sql("SELECT " + column + "::text FROM admin_action WHERE staff_id = :s AND action = :a"
                        + " AND outcome = :o")
                .param("s", staff)
                .param("a", action)
                .param("o", outcome)
                .query(String.class)
                .single();
        return json.readTree(value);
    }
}
