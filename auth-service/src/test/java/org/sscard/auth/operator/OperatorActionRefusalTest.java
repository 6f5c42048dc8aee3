package org.sscard.auth.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sscard.auth.support.Browser;
import org.sscard.common.operator.Operator;
import org.sscard.testsupport.RelayFixture;

/**
 * Every refusal of the operator-action grant: the console gets the OAuth error, and the login audit says which
 * check refused it (and, once the actor token was found, whose token it was).
 */
class OperatorActionRefusalTest extends OperatorConsoleTest {

    private static final String DESK = "reception-desk";
    private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    /** A request to refuse, made by the test (some need its database). */
    interface Request {
        Browser.Page send(OperatorActionRefusalTest test) throws Exception;
    }

    /** {@code role}: the staff role the audit row names, or null when the actor token names nobody. */
    record Refused(String name, Request request, String error, OperatorRefusal reason, String role) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refusals() {
        return Stream.of(
                new Refused(
                        "an insurer admin at the card issuer",
                        test -> act(insurerAdmin(KAMEDA_KENPO), CARD_ISSUER),
                        "invalid_target",
                        OperatorRefusal.AUDIENCE_NOT_ALLOWED,
                        Operator.INSURER_ADMIN),
                new Refused(
                        "an insurer admin at another insurer",
                        test -> act(insurerAdmin(KAMEDA_KENPO), KAMOGAWA_NHI),
                        "invalid_target",
                        OperatorRefusal.AUDIENCE_NOT_ALLOWED,
                        Operator.INSURER_ADMIN),
                new Refused(
                        "a city admin at an insurer",
                        test -> act(cityAdmin(), KAMEDA_KENPO),
                        "invalid_target",
                        OperatorRefusal.AUDIENCE_NOT_ALLOWED,
                        Operator.CITY_ADMIN),
                new Refused(
                        "a reception clerk",
                        test -> act(staffLogin(HOSPITAL, "RECEPTION_CLERK", CONSOLE, CONSOLE_LOGIN_REDIRECT), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ROLE_NOT_OPERATOR,
                        "RECEPTION_CLERK"),
                new Refused(
                        "a hospital admin",
                        test -> act(CONSOLE, hospitalAdminToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ROLE_NOT_OPERATOR,
                        "HOSPITAL_ADMIN"),
                new Refused(
                        "a resident's token",
                        test -> act(CONSOLE, residentToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_OF_ANOTHER_CLIENT,
                        null),
                new Refused(
                        "a city admin's token issued to the reception desk",
                        test -> act(CONSOLE, deskCityAdminToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_OF_ANOTHER_CLIENT,
                        Operator.CITY_ADMIN),
                new Refused(
                        "an expired token",
                        test -> act(CONSOLE, test.expired(cityAdmin().accessToken()), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_NOT_ACTIVE,
                        null),
                new Refused(
                        "a token after its login logged out",
                        test -> act(CONSOLE, loggedOutToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_NOT_ACTIVE,
                        null),
                new Refused(
                        "a revoked token",
                        test -> act(CONSOLE, revokedToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_NOT_ACTIVE,
                        null),
                new Refused(
                        "an administrator suspended since their login",
                        test -> act(CONSOLE, suspendedAdminToken(), RELAY),
                        "invalid_grant",
                        OperatorRefusal.STAFF_NOT_ACTIVE,
                        Operator.CITY_ADMIN),
                new Refused(
                        "a client without the setting (the reception desk)",
                        test -> act(DESK, deskCityAdminToken(), RELAY),
                        "unauthorized_client",
                        OperatorRefusal.CLIENT_NOT_ALLOWED,
                        null),
                new Refused(
                        "a service client",
                        test -> act(SERVICE_CLIENT, cityAdmin().accessToken(), RELAY),
                        "unauthorized_client",
                        OperatorRefusal.CLIENT_NOT_ALLOWED,
                        null),
                new Refused(
                        "a garbage token",
                        test -> act(CONSOLE, "not-a-token", RELAY),
                        "invalid_grant",
                        OperatorRefusal.ACTOR_NOT_ACTIVE,
                        null),
                new Refused(
                        "the actor token as an ID token",
                        test -> act(
                                CONSOLE,
                                Map.of(
                                        "actor_token",
                                        cityAdmin().accessToken(),
                                        "actor_token_type",
                                        "urn:ietf:params:oauth:token-type:id_token",
                                        "audience",
                                        RELAY)),
                        "invalid_request",
                        OperatorRefusal.MALFORMED_REQUEST,
                        null),
                new Refused(
                        "no audience",
                        test -> act(
                                CONSOLE,
                                Map.of("actor_token", cityAdmin().accessToken(), "actor_token_type", ACCESS_TOKEN)),
                        "invalid_request",
                        OperatorRefusal.MALFORMED_REQUEST,
                        null),
                new Refused(
                        "an audience that is a URL",
                        test -> act(CONSOLE, cityAdmin().accessToken(), "https://relay.localhost:8081"),
                        "invalid_request",
                        OperatorRefusal.MALFORMED_REQUEST,
                        null),
                new Refused(
                        "a scope",
                        test -> act(
                                CONSOLE,
                                Map.of(
                                        "actor_token",
                                        cityAdmin().accessToken(),
                                        "actor_token_type",
                                        ACCESS_TOKEN,
                                        "audience",
                                        RELAY,
                                        "scope",
                                        "PERSON_WRITE")),
                        "invalid_scope",
                        OperatorRefusal.SCOPE_NOT_SUPPORTED,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAnOperatorTokenAndAuditsWhy(Refused refused) throws Exception {
        Browser.Page answer = refused.request().send(this);

        assertError(answer, 400, refused.error());
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(lastAuditRow())
                .containsEntry("outcome", "failure")
                .containsEntry("reason", refused.reason().name())
                .containsEntry("staff_role", refused.role());
    }

    /** The token as if issued six minutes ago, expired in the authorization store (where the grant looks). */
    String expired(String accessToken) {
        int rows = jdbc.sql("""
                        UPDATE oauth2_authorization
                        SET access_token_issued_at = now() - interval '6 minutes',
                            access_token_expires_at = now() - interval '1 minute'
                        WHERE access_token_value = ?""").param(accessToken).update();
        assertThat(rows).isEqualTo(1);
        return accessToken;
    }

    static String residentToken() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        return login(
                registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId)),
                RESIDENT_CLIENT,
                REDIRECT_URI);
    }

    static String deskCityAdminToken() throws Exception {
        return staffLogin(Operator.CITY, Operator.CITY_ADMIN, DESK, DESK_LOGIN_REDIRECT)
                .accessToken();
    }

    /** A city admin's token after the console sent their browser to RP-initiated logout. */
    static String loggedOutToken() throws Exception {
        LoggedIn admin = loggedIn(
                registeredStaffCard(Operator.CITY, Operator.CITY_ADMIN).card(), CONSOLE, CONSOLE_LOGIN_REDIRECT);
        Browser.Page logout = admin.browser()
                .get(MAIN + "/connect/logout?id_token_hint="
                        + admin.tokens().path("id_token").asText() + "&post_logout_redirect_uri="
                        + URLEncoder.encode(CONSOLE_URL + "/", StandardCharsets.UTF_8));
        assertThat(logout.status()).as(logout.body()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo(CONSOLE_URL + "/");
        return admin.accessToken();
    }

    /** A city admin's token the console revoked (RFC 7009). */
    static String revokedToken() throws Exception {
        String token = cityAdmin().accessToken();
        Map<String, String> form = new HashMap<>(clientAssertion(CONSOLE));
        form.put("token", token);
        form.put("token_type_hint", "access_token");
        assertThat(post("/oauth2/revoke", form).status()).isEqualTo(200);
        return token;
    }

    /** A city admin whose staff record the city office suspended after they logged in. */
    static String suspendedAdminToken() throws Exception {
        StaffLogin admin = cityAdmin();
        CITY_OFFICE.setStaffStatus(admin.id(), "SUSPENDED");
        return admin.accessToken();
    }
}
