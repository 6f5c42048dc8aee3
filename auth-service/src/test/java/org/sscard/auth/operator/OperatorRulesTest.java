package org.sscard.auth.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/**
 * The rules on a login the relay's register would not let happen today (a city admin outside the city, a provider
 * named like a service), so that the grant does not rely on the register alone.
 */
class OperatorRulesTest {

    private static final RegisteredClient CONSOLE = RegisteredClient.withId("operator-console")
            .clientId("operator-console")
            .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://console.test/cb")
            .build();

    @Test
    void refusesACityAdminOutsideTheCityAndAnInsurerAdminInsideIt() {
        assertRefused(actor("CITY_ADMIN", "kameda-kenpo", "0a"), OperatorRefusal.ORGANISATION_INCONSISTENT);
        assertRefused(actor("INSURER_ADMIN", "city", "0a"), OperatorRefusal.ORGANISATION_INCONSISTENT);
    }

    @Test
    void refusesALoginWithoutItsStaffCardsSerial() {
        assertRefused(actor("CITY_ADMIN", "city", null), OperatorRefusal.ACTOR_NOT_STAFF);
    }

    @Test
    void refusesAStaffSubjectThatIsNotAStaffId() {
        CardHolder holder = new CardHolder("not-a-uuid", LoginProfile.STAFF, "CITY_ADMIN", "city", "0a", null, null);
        assertRefused(new ActorTokens.Actor(CONSOLE.getId(), holder), OperatorRefusal.ACTOR_NOT_STAFF);
    }

    @Test
    void refusesTheCardIssuerToAnInsurerAdminWhoseProviderIsNamedLikeIt() {
        OperatorRules.Staff staff = OperatorRules.staff(actor("INSURER_ADMIN", "card-issuer", "0a"), CONSOLE);
        assertThatThrownBy(() -> OperatorRules.requireAudience(staff, "card-issuer"))
                .isInstanceOfSatisfying(
                        OperatorActionRefused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(OperatorRefusal.AUDIENCE_NOT_ALLOWED));
    }

    private static ActorTokens.Actor actor(String role, String organisation, String serial) {
        return new ActorTokens.Actor(
                CONSOLE.getId(),
                new CardHolder(
                        UUID.randomUUID().toString(), LoginProfile.STAFF, role, organisation, serial, null, null));
    }

    private static void assertRefused(ActorTokens.Actor actor, OperatorRefusal refusal) {
        assertThatThrownBy(() -> OperatorRules.staff(actor, CONSOLE))
                .isInstanceOfSatisfying(
                        OperatorActionRefused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }
}
