package org.sscard.console.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Persona;

/**
 * The staff entrance and the session: who lands where after the login, the refusal for everyone else, a page nobody
 * may see, logout at auth-service too, and the access token renewed with the refresh token as the client
 * {@code operator-console} (private_key_jwt), so that the grant's actor token is always a live one.
 */
class SessionTest extends ConsoleTest {

    @Autowired
    OAuth2AuthorizedClientManager manager;

    @Autowired
    OAuth2AuthorizedClientRepository clients;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void sendsEachOperatorToTheirOwnFirstPageAndEveryoneElseToTheRefusal() {
        assertThat(SecurityConfig.landing(new TestingAuthenticationToken("x", null)))
                .isEqualTo("/refused");
        mvcHome(Persona.CITY_ADMIN, "/residents");
        mvcHome(Persona.KAMOGAWA_NHI_ADMIN, "/insurers/kamogawa-nhi/members");
    }

    private void mvcHome(Persona persona, String home) {
        try {
            mvc.perform(get("/home").with(login(persona))).andExpect(redirectedUrl(home));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesAClerkAHospitalAdministratorAndAResidentWithTheDesignedPageOnly() throws Exception {
        for (Persona persona : new Persona[] {Persona.RECEPTION_CLERK, Persona.HOSPITAL_ADMIN, Persona.RESIDENT}) {
            mvc.perform(get("/home").with(login(persona)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
            mvc.perform(get("/forbidden").with(login(persona)))
                    .andExpect(status().isForbidden())
                    .andExpect(content()
                            .string(allOf(containsString("この入口は管理者専用です"), containsString("action=\"/logout\""))));
        }
        assertThat(PLATFORM.requests()).isZero();
    }

    @Test
    void anOperatorOnAnotherRolesPageIsToldNotAllowedWithTheWayHome() throws Exception {
        mvc.perform(get("/forbidden").with(login(Persona.KAMEDA_KENPO_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(allOf(
                                containsString("このページは表示できません"),
                                containsString("You may not see this page"),
                                containsString("href=\"/home\""))));
    }

    @Test
    void sendsAnonymousVisitorsToTheEntranceAndDeniesUnknownPaths() throws Exception {
        mvc.perform(get("/residents")).andExpect(redirectedUrl("http://localhost/"));
        mvc.perform(get("/actuator/env").with(login(Persona.CITY_ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Log in with the staff card")));
    }

    @Test
    void logoutEndsTheSessionAtAuthServiceTooAndComesBackToTheEntrance() throws Exception {
        String location = mvc.perform(
                        post("/logout").with(login(Persona.CITY_ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location)
                .startsWith("https://auth.test/connect/logout")
                .contains("post_logout_redirect_uri=https://console.test/");
    }

    @Test
    void renewsAnExpiredAccessTokenWithTheRefreshTokenAsOperatorConsole() {
        PLATFORM.onToken(form -> FakePlatform.Answer.json(
                200,
                "{\"access_token\":\"renewed-access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"refresh_token\":\"next-refresh-token\"}"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        TestingAuthenticationToken operator = new TestingAuthenticationToken(newStaff(), null, "RESIDENT_READ");
        Instant issued = Instant.now().minusSeconds(600);
        clients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("sscard"),
                        operator.getName(),
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER, "expired", issued, issued.plusSeconds(300)),
                        new OAuth2RefreshToken("first-refresh-token", issued)),
                operator,
                request,
                response);

        OAuth2AuthorizedClient renewed = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("sscard")
                .principal(operator)
                .attribute(jakarta.servlet.http.HttpServletRequest.class.getName(), request)
                .attribute(jakarta.servlet.http.HttpServletResponse.class.getName(), response)
                .build());

        assertThat(renewed.getAccessToken().getTokenValue()).isEqualTo("renewed-access-token");
        assertThat(PLATFORM.tokenRequests())
                .singleElement()
                .satisfies(form -> assertThat(form)
                        .containsEntry("grant_type", "refresh_token")
                        .containsEntry("client_id", "operator-console")
                        .containsKey("client_assertion"));
    }
}
