package org.sscard.console.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * The operator-action grant before every back-end call: asked with the operator's own access token and the call's
 * audience; refused or unreachable, no back end is called at all. A refused actor token ends the session.
 */
class OperatorTokenTest extends ConsoleTest {

    private static final String P = "/residents/" + Fixtures.PERSON;

    @Test
    void asksTheGrantWithTheOperatorsOwnTokenAndTheAudienceOfEachCall() throws Exception {
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")
                        .param("reason", "紛失")
                        .with(login(Persona.CITY_ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(PLATFORM.tokenRequests())
                .extracting(form -> form.get("audience"))
                .containsExactly("relay-db-service", "card-issuer");
        assertThat(PLATFORM.calls())
                .extracting(call -> PLATFORM.audienceOf(call.bearer()))
                .containsExactly("relay-db-service", "card-issuer");
        assertThat(PLATFORM.tokenRequests())
                .allSatisfy(form -> assertThat(form)
                        .containsEntry("actor_token", ACTOR_TOKEN)
                        .doesNotContainEntry("grant_type", "client_credentials"));
    }

    @Test
    void endsTheSessionWhenAuthServiceNoLongerTakesTheOperatorsTokenAndCallsNothing() throws Exception {
        PLATFORM.onToken(
                form -> FakePlatform.Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"x\"}"));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get(P).session(session).with(login(Persona.CITY_ADMIN))).andExpect(redirectedUrl("/?expired"));

        assertThat(session.isInvalid()).isTrue();
        assertThat(PLATFORM.calls()).isEmpty();
        mvc.perform(get("/").param("expired", "")).andExpect(content().string(containsString("ログインの有効期限が切れた")));
    }

    @Test
    void saysNotAllowedForAnAudienceAuthServiceRefusesAndCallsNothing() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.Answer.json(400, "{\"error\":\"invalid_target\"}"));

        mvc.perform(get("/insurers/kameda-kenpo/members").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(allOf(
                                containsString("この相手に対する操作の権限がありません"),
                                containsString("You are not allowed to act on this service"))));
        assertThat(PLATFORM.calls()).isEmpty();
    }

    @Test
    void saysUnavailableWhenAuthServiceFailsAndDoesNotActWithoutAToken() throws Exception {
        PLATFORM.onToken(form -> FakePlatform.Answer.json(503, "{}"));
        String staff = newStaff();

        mvc.perform(post(P + "/soft-card")
                        .param("pin", "4826")
                        .param("pinRepeat", "4826")
                        .with(login(Persona.CITY_ADMIN, staff))
                        .with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("could not be reached")));
        assertThat(PLATFORM.calls()).isEmpty();
        assertThat(actionsOf(staff)).containsExactly("ISSUE_SOFT_CARD ASKED", "ISSUE_SOFT_CARD FAILED");
    }

    @Test
    void aFormWithoutItsCsrfTokenReachesNothing() throws Exception {
        mvc.perform(post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")
                        .param("reason", "紛失")
                        .with(login(Persona.CITY_ADMIN)))
                .andExpect(status().isForbidden());
        assertThat(PLATFORM.requests()).isZero();
    }
}
