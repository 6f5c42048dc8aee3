package org.sscard.common.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An operator token carries its operator's role's authorities, and only a well-formed one from a known client. */
class OperatorAuthoritiesTest {

    private static final String STAFF = "4f6c3a2e-1b7d-4c1e-9a55-0d3e2f1a9b80";

    private static final Map<String, Set<GrantedAuthority>> CLIENTS =
            Map.of("city-office", Set.of(new SimpleGrantedAuthority("CARD_WRITE")));
    private static final Map<String, Set<GrantedAuthority>> ROLES = Map.of(
            Operator.CITY_ADMIN, Set.of(new SimpleGrantedAuthority("PERSON_WRITE")),
            Operator.INSURER_ADMIN, Set.of(new SimpleGrantedAuthority("MEMBER_WRITE")));

    @Test
    void aCityAdministratorsTokenCarriesTheCityRolesAuthoritiesAndNamesThem() {
        Jwt token = operatorToken("operator-console", act(Operator.CITY_ADMIN, Operator.CITY), claims -> {});
        assertThat(authorities(token)).containsExactly("PERSON_WRITE");
        Operator operator = Operator.of(token).orElseThrow();
        assertThat(operator.staffId()).isEqualTo(STAFF);
        assertThat(operator.actor()).isEqualTo("staff:" + STAFF);
        assertThat(operator.isCityAdmin()).isTrue();
        assertThat(operator.administers("kameda-kenpo")).isFalse();
    }

    @Test
    void anInsurerAdministratorAdministersOnlyTheirOwnInsurer() {
        Jwt token = operatorToken("operator-console", act(Operator.INSURER_ADMIN, "kameda-kenpo"), claims -> {});
        assertThat(authorities(token)).containsExactly("MEMBER_WRITE");
        Operator operator = Operator.of(token).orElseThrow();
        assertThat(operator.administers("kameda-kenpo")).isTrue();
        assertThat(operator.administers("kamogawa-nhi")).isFalse();
        assertThat(operator.isCityAdmin()).isFalse();
    }

    @Test
    void refusesATokenFromAClientThatIsNotAnOperatorClient() {
        Jwt token = operatorToken("portal-gateway", act(Operator.CITY_ADMIN, Operator.CITY), claims -> {});
        assertThat(Operator.of(token)).isPresent();
        assertThat(authorities(token)).isEmpty();
    }

    @Test
    void refusesMalformedActors() {
        assertThat(authorities(operatorToken("operator-console", act("RECEPTION_CLERK", "kameda-hospital"), c -> {})))
                .isEmpty();
        assertThat(authorities(operatorToken("operator-console", act(Operator.CITY_ADMIN, "kameda-kenpo"), c -> {})))
                .isEmpty();
        assertThat(authorities(operatorToken("operator-console", act(Operator.INSURER_ADMIN, "city"), c -> {})))
                .isEmpty();
        Map<String, Object> notAUuid = act(Operator.CITY_ADMIN, Operator.CITY);
        notAUuid.put("sub", "admin");
        assertThat(authorities(operatorToken("operator-console", notAUuid, c -> {})))
                .isEmpty();
    }

    @Test
    void refusesATokenThatIsNotAnOperatorGrantOrSpeaksForALogin() {
        Map<String, Object> city = act(Operator.CITY_ADMIN, Operator.CITY);
        assertThat(authorities(operatorToken("operator-console", city, c -> c.claim("gty", "client-credentials"))))
                .isEmpty();
        assertThat(authorities(operatorToken("operator-console", city, c -> c.claim("login_profile", "staff"))))
                .isEmpty();
        assertThat(authorities(operatorToken("operator-console", city, c -> c.claim("client_id", "other"))))
                .isEmpty();
    }

    @Test
    void aClientsOwnTokenStillGetsTheClientsAuthorities() {
        Jwt own = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("city-office")
                .claim("client_id", "city-office")
                .claim("gty", "client-credentials")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        assertThat(authorities(own)).containsExactly("CARD_WRITE");
        assertThat(Operator.of(own)).isEmpty();
    }

    private static List<String> authorities(Jwt token) {
        return OperatorAuthorities.converter(CLIENTS, Set.of("operator-console"), ROLES)
                .convert(token)
                .getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    private static Map<String, Object> act(String role, String organisation) {
        Map<String, Object> act = new HashMap<>();
        act.put("sub", STAFF);
        act.put("role", role);
        act.put("organisation", organisation);
        return act;
    }

    private static Jwt operatorToken(String client, Map<String, Object> act, Consumer<Jwt.Builder> more) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(client)
                .claim("client_id", client)
                .claim("gty", Operator.GRANT_CLAIM_VALUE)
                .claim("act", act)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        more.accept(builder);
        return builder.build();
    }
}
