package org.sscard.auth.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/** The actor token's holder: who may check at the desk (the relay's main build has no hospital administrator yet). */
class ReceptionClerksTest {

    private static final RegisteredClient DESK = client("reception-desk");
    private static final RegisteredClient OTHER = client("test-staff-console");

    private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
    private final ReceptionClerks clerks = new ReceptionClerks(
            authorizations, new InMemoryRegisteredClientRepository(DESK, OTHER), Set.of("reception-desk"));

    @Test
    void letsTheHospitalsAdministratorCheck() {
        UUID admin = UUID.randomUUID();
        String token = issue(DESK, staff(admin, "HOSPITAL_ADMIN"), Instant.now().plusSeconds(300));
        assertThat(clerks.require(token))
                .isEqualTo(new ReceptionClerks.Clerk(admin, "HOSPITAL_ADMIN", "kameda-hospital", "0a"));
    }

    @Test
    void refusesAnExpiredClerksToken() {
        String token = issue(
                DESK, staff(UUID.randomUUID(), "RECEPTION_CLERK"), Instant.now().minusSeconds(1));
        assertRefused(token);
    }

    @Test
    void refusesCityAndInsurerStaff() {
        assertRefused(issue(
                DESK, staff(UUID.randomUUID(), "CITY_ADMIN"), Instant.now().plusSeconds(300)));
        assertRefused(issue(
                DESK, staff(UUID.randomUUID(), "INSURER_ADMIN"), Instant.now().plusSeconds(300)));
    }

    @Test
    void refusesAClerksTokenOfAnotherClient() {
        assertRefused(issue(
                OTHER,
                staff(UUID.randomUUID(), "RECEPTION_CLERK"),
                Instant.now().plusSeconds(300)));
    }

    /** Without the card's serial the relay could not tell whether the clerk's card still stands. */
    @Test
    void refusesAClerkWithoutTheirCardsSerial() {
        UUID clerk = UUID.randomUUID();
        CardHolder noSerial = new CardHolder(
                clerk.toString(), LoginProfile.STAFF, "RECEPTION_CLERK", "kameda-hospital", null, null, null);
        assertRefused(issue(DESK, noSerial, Instant.now().plusSeconds(300)));
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> clerks.require(token))
                .isInstanceOfSatisfying(
                        ReceptionRefusal.class,
                        refusal -> assertThat(refusal.error()).isEqualTo(ReceptionError.INVALID_GRANT));
    }

    private static CardHolder staff(UUID id, String role) {
        return new CardHolder(id.toString(), LoginProfile.STAFF, role, "kameda-hospital", "0a", null, null);
    }

    private String issue(RegisteredClient client, CardHolder holder, Instant expiresAt) {
        String value = UUID.randomUUID().toString();
        authorizations.save(OAuth2Authorization.withRegisteredClient(client)
                .principalName(holder.subject())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(Principal.class.getName(), new CardAuthentication(holder))
                .token(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, value, expiresAt.minusSeconds(600), expiresAt))
                .build());
        return value;
    }

    private static RegisteredClient client(String id) {
        return RegisteredClient.withId(id)
                .clientId(id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://client.test/cb")
                .build();
    }
}
