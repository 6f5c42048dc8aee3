package org.sscard.auth.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.auth.support.Browser;
import org.sscard.common.operator.Operator;
import org.sscard.common.operator.OperatorAuthorities;

/**
 * Operator tokens issued: each decoded as its back end decodes it (issuer, signature, audience) and read by common's
 * {@link Operator#of} and {@link OperatorAuthorities#converter}, as every back end reads it.
 */
class OperatorActionGrantTest extends OperatorConsoleTest {

    /** The fixture's staff name (RelayFixture#createStaff), which the relay's register answers. */
    private static final String NAME = "受付 試験";

    private static final Map<String, List<GrantedAuthority>> OPERATOR_ROLES = Map.of(
            Operator.CITY_ADMIN, List.of(new SimpleGrantedAuthority("PERSON_READ")),
            Operator.INSURER_ADMIN, List.of(new SimpleGrantedAuthority("MEMBER_READ")));

    @Test
    void issuesACityAdminATwoMinuteRelayTokenNamingThemThatIsNeitherStoredNorRefreshable() throws Exception {
        StaffLogin admin = cityAdmin();
        long stored = authorizationRows();

        Browser.Page answer = act(admin, RELAY);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        assertThat(body.path("expires_in").asLong()).isBetween(1L, 120L);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.has("scope")).isFalse();
        assertThat(answer.header("Cache-Control")).contains("no-store");

        Jwt token = verify(body.path("access_token").asText(), RELAY);
        assertThat(token.getSubject()).isEqualTo(CONSOLE);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(CONSOLE);
        assertThat(token.getAudience()).containsExactly(RELAY);
        assertThat(token.getClaimAsString("gty")).isEqualTo(Operator.GRANT_CLAIM_VALUE);
        assertThat(token.getClaimAsMap("act"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "sub", admin.id().toString(), "role", "CITY_ADMIN", "organisation", "city", "name", NAME));
        assertThat(token.getId()).isNotBlank();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(token.getClaims()).doesNotContainKeys("login_profile", "sid", "scope", "may_act");

        assertThat(Operator.of(token))
                .contains(new Operator(CONSOLE, admin.id().toString(), "CITY_ADMIN", "city", NAME));
        assertThat(authorities(token)).containsExactly("PERSON_READ");

        assertThat(authorizationRows()).as("nothing stored per operator token").isEqualTo(stored);
        assertThat(auditRowsOf(admin.id()))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("outcome", "success")
                        .containsEntry("reason", null)
                        .containsEntry("client_id", CONSOLE)
                        .containsEntry("login_profile", "STAFF")
                        .containsEntry("staff_role", "CITY_ADMIN")
                        .containsEntry("staff_organisation", "city")
                        .containsEntry("audience", RELAY)
                        .containsEntry("certificate_serial", admin.certificateSerial()));
    }

    @ParameterizedTest(name = "{0} of {1} at {2}")
    @CsvSource({
        "CITY_ADMIN, city, card-issuer",
        "INSURER_ADMIN, kameda-kenpo, relay-db-service",
        "INSURER_ADMIN, kameda-kenpo, kameda-kenpo",
        "INSURER_ADMIN, kamogawa-nhi, kamogawa-nhi"
    })
    void issuesAnOperatorATokenForEachBackEndTheirRoleMayActAt(String role, String organisation, String audience)
            throws Exception {
        StaffLogin operator = staffLogin(organisation, role, CONSOLE, CONSOLE_LOGIN_REDIRECT);

        Browser.Page answer = act(operator, audience);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Jwt token = verify(JSON.readTree(answer.body()).path("access_token").asText(), audience);
        assertThat(token.getAudience()).containsExactly(audience);
        Operator read = Operator.of(token).orElseThrow();
        assertThat(read.actor()).isEqualTo("staff:" + operator.id());
        assertThat(read.role()).isEqualTo(role);
        assertThat(read.organisation()).isEqualTo(organisation);
        assertThat(read.administers(audience)).isEqualTo(audience.equals(organisation));
        assertThat(authorities(token))
                .containsExactlyElementsOf(OPERATOR_ROLES.get(role).stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList());
        assertThat(lastAuditRow())
                .containsEntry("outcome", "success")
                .containsEntry("subject", operator.id().toString())
                .containsEntry("audience", audience);
    }

    /** What a back end with these operator roles grants the token (the console's own token would get nothing). */
    private static List<String> authorities(Jwt token) {
        return OperatorAuthorities.converter(
                        Map.of(CONSOLE, List.of(new SimpleGrantedAuthority("CONSOLE_ITSELF"))),
                        Set.of(CONSOLE),
                        OPERATOR_ROLES)
                .convert(token)
                .getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    private long authorizationRows() {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization")
                .query(Long.class)
                .single();
    }
}
