package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.operator.OperatorAction;

/** Only a confidential staff client may be registered for the operator-action grant; anything else fails the start. */
class OperatorClientRegistrationTest {

    @Test
    void registersAStaffConsoleForTheGrantWithRotatedRefreshTokens() {
        RegisteredClient console = RegisteredClients.from(
                        Map.of("console", client(LoginProfile.STAFF, false)), Map.of())
                .findByClientId("console");

        assertThat(console.getAuthorizationGrantTypes())
                .contains(OperatorAction.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN)
                .doesNotContain(AuthorizationGrantType.TOKEN_EXCHANGE, AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat((Boolean) console.getClientSettings().getSetting(OperatorAction.CLIENT_SETTING))
                .isTrue();
        assertThat(console.getTokenSettings().isReuseRefreshTokens()).isFalse();
    }

    @Test
    void refusesToStartWithTheGrantOnAResidentOrAPublicClient() {
        assertThatThrownBy(() ->
                        RegisteredClients.from(Map.of("portal", client(LoginProfile.RESIDENT, false)), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator-action");
        assertThatThrownBy(() -> RegisteredClients.from(Map.of("cli", client(LoginProfile.STAFF, true)), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator-action");
    }

    private static OidcProperties.Client client(LoginProfile profile, boolean publicClient) {
        return new OidcProperties.Client(
                profile,
                List.of("https://console.test/cb"),
                List.of(),
                List.of("profile"),
                false,
                publicClient,
                publicClient ? null : Duration.ofMinutes(15),
                false,
                true);
    }
}
