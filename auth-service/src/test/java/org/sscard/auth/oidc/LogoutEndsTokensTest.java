package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.TokenEndpointTest;

/** RP-initiated logout ends the tokens of the login it names, not only the session: its refresh token is refused. */
class LogoutEndsTokensTest extends TokenEndpointTest {

    private static final String DESK = "reception-desk";
    private static final String HOSPITAL = "kameda-hospital";

    @Test
    void refusesTheRefreshTokenOfALoginThatLoggedOutAndKeepsAnotherLoginsWorking() throws Exception {
        LoggedIn leaving =
                loggedIn(registeredStaffCard(HOSPITAL, "RECEPTION_CLERK").card(), DESK, DESK_LOGIN_REDIRECT);
        LoggedIn staying =
                loggedIn(registeredStaffCard(HOSPITAL, "RECEPTION_CLERK").card(), DESK, DESK_LOGIN_REDIRECT);

        Browser.Page logout = leaving.browser()
                .get(MAIN + "/connect/logout?id_token_hint="
                        + leaving.tokens().path("id_token").asText());

        assertThat(logout.status()).as(logout.body()).isEqualTo(302);
        assertError(refresh(leaving), 400, "invalid_grant");
        Browser.Page refreshed = refresh(staying);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    }

    private static Browser.Page refresh(LoggedIn login) throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion(DESK));
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", login.tokens().path("refresh_token").asText());
        return post("/oauth2/token", form);
    }
}
