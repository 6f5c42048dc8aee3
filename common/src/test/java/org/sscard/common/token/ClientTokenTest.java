package org.sscard.common.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Only a client's own token is taken for that client (issue 15: resource servers authorised on {@code sub} alone). */
class ClientTokenTest {

    private static final Map<String, Set<GrantedAuthority>> CLIENTS =
            Map.of("portal-gateway", Set.of(new SimpleGrantedAuthority("PERSON_READ")));

    @Test
    void aClientCredentialsTokenNamesItsClient() {
        Jwt token = token("portal-gateway", ClientTokenTest::clientCredentials);
        assertThat(ServiceTokenVerification.isClientToken(token)).isTrue();
        assertThat(authorities(token))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("PERSON_READ");
    }

    @Test
    void aPairwiseTokenWhoseLocalIdSpellsAClientNameGetsNoClientAuthority() {
        // exchanged by a client whose ID is that very local ID: sub = client_id, but no client-credentials mark
        Jwt pairwise = token("portal-gateway", claims -> claims.claim("client_id", "portal-gateway"));
        assertThat(ServiceTokenVerification.isClientToken(pairwise)).isFalse();
        assertThat(authorities(pairwise)).isEmpty();
        assertThat(authorities(token("portal-gateway", claims -> {}))).isEmpty();
    }

    @Test
    void aTokenIssuedToAnotherClientIsNotThatClientsOwn() {
        Jwt exchanged =
                token("portal-gateway", claims -> clientCredentials(claims).claim("client_id", "reception-desk"));
        assertThat(authorities(exchanged)).isEmpty();
    }

    @Test
    void aTokenThatSpeaksForAPersonIsNeverAClientsEvenWithClientIdEqualToSub() {
        for (String personClaim : List.of("act", "may_act", "login_profile")) {
            Jwt token = token(
                    "portal-gateway",
                    claims -> clientCredentials(claims)
                            .claim(personClaim, personClaim.equals("login_profile") ? "resident" : Map.of("sub", "x")));
            assertThat(ServiceTokenVerification.isClientToken(token))
                    .as(personClaim)
                    .isFalse();
            assertThat(authorities(token)).as(personClaim).isEmpty();
        }
    }

    private static Jwt.Builder clientCredentials(Jwt.Builder claims) {
        return claims.claim("client_id", "portal-gateway")
                .claim(ServiceTokenVerification.GRANT_TYPE_CLAIM, ServiceTokenVerification.CLIENT_CREDENTIALS);
    }

    private static java.util.Collection<GrantedAuthority> authorities(Jwt token) {
        return ServiceTokenVerification.clientAuthorities(CLIENTS)
                .convert(token)
                .getAuthorities();
    }

    private static Jwt token(String subject, Consumer<Jwt.Builder> change) {
        Jwt.Builder builder =
                Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).audience(List.of("relay-db-service"));
        change.accept(builder);
        return builder.build();
    }
}
