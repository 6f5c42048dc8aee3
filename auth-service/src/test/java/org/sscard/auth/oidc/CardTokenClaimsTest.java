package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/** The card login's claims: staff names when the relay gave them, {@code client_id} on every access token. */
class CardTokenClaimsTest {

    private static final RegisteredClient DESK = RegisteredClient.withId("reception-desk")
            .clientId("reception-desk")
            .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://desk.test/cb")
            .build();

    @Test
    void staffAccessTokensNameTheStaffMemberAndTheClient() {
        Map<String, Object> claims = claims(
                new CardHolder(
                        "8d6c5f8e-0000-4000-8000-000000000001",
                        LoginProfile.STAFF,
                        "RECEPTION_CLERK",
                        "kameda-hospital",
                        "0a",
                        "受付 花子",
                        "ウケツケ ハナコ"),
                OAuth2TokenType.ACCESS_TOKEN);
        assertThat(claims)
                .containsEntry("login_profile", "staff")
                .containsEntry("role", "RECEPTION_CLERK")
                .containsEntry("organisation", "kameda-hospital")
                .containsEntry("name", "受付 花子")
                .containsEntry("name_kana", "ウケツケ ハナコ")
                .containsEntry("client_id", "reception-desk");
    }

    @Test
    void leavesOutNamesTheRelayDidNotGive() {
        Map<String, Object> claims = claims(
                new CardHolder("s", LoginProfile.STAFF, "RECEPTION_CLERK", "kameda-hospital", "0a", null, null),
                OAuth2TokenType.ACCESS_TOKEN);
        assertThat(claims).doesNotContainKeys("name", "name_kana").containsEntry("client_id", "reception-desk");
    }

    @Test
    void putsClientIdOnAccessTokensOnly() {
        Map<String, Object> claims = claims(
                new CardHolder("p", LoginProfile.RESIDENT, null, null, "0b", null, null),
                new OAuth2TokenType("id_token"));
        assertThat(claims).doesNotContainKey("client_id").doesNotContainKey("name");
    }

    private static Map<String, Object> claims(CardHolder holder, OAuth2TokenType type) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(holder.subject());
        new CardTokenClaims()
                .customize(JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                        .registeredClient(DESK)
                        .principal(new CardAuthentication(holder))
                        .tokenType(type)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .build());
        return claims.build().getClaims();
    }
}
