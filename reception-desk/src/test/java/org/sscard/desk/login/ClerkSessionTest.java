package org.sscard.desk.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.sscard.desk.support.DeskTest;
import org.sscard.desk.support.FakePlatform;

/**
 * The clerk's session outlives the 5-minute access token: the authorized-client manager renews it with the refresh
 * token, as the client {@code reception-desk} by private_key_jwt; and who gets in at all.
 */
class ClerkSessionTest extends DeskTest {

    @Autowired
    OAuth2AuthorizedClientManager manager;

    @Autowired
    OAuth2AuthorizedClientRepository clients;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    StaffAuthorities staffAuthorities;

    @Test
    void renewsAnExpiredAccessTokenWithTheRefreshTokenAsReceptionDesk() {
        PLATFORM.onToken(form -> new FakePlatform.Answer(
                200,
                "{\"access_token\":\"renewed-access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"refresh_token\":\"next-refresh-token\"}"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        TestingAuthenticationToken clerk = new TestingAuthenticationToken(newClerk(), null, "CLERK");
        Instant issued = Instant.now().minusSeconds(600);
        clients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("sscard"),
                        clerk.getName(),
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER,
                                "expired-access-token",
                                issued,
                                issued.plusSeconds(300)),
                        new OAuth2RefreshToken("first-refresh-token", issued)),
                clerk,
                request,
                response);

        OAuth2AuthorizedClient renewed = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("sscard")
                .principal(clerk)
                .attribute(jakarta.servlet.http.HttpServletRequest.class.getName(), request)
                .attribute(jakarta.servlet.http.HttpServletResponse.class.getName(), response)
                .build());

        assertThat(renewed.getAccessToken().getTokenValue()).isEqualTo("renewed-access-token");
        assertThat(PLATFORM.tokenRequests())
                .singleElement()
                .satisfies(form -> assertThat(form)
                        .containsEntry("grant_type", "refresh_token")
                        .containsEntry("refresh_token", "first-refresh-token")
                        .containsEntry("client_id", "reception-desk")
                        .containsEntry(
                                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .containsKey("client_assertion"));
        // and it is the session's now: the next check uses it without asking again
        assertThat(clients.<OAuth2AuthorizedClient>loadAuthorizedClient("sscard", clerk, request)
                        .getAccessToken()
                        .getTokenValue())
                .isEqualTo("renewed-access-token");
    }

    private Set<GrantedAuthority> mapped(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .subject("6b1f0f5e-9a77-4c2e-bb8e-0f3f8e6f2a11")
                .claims(all -> all.putAll(claims))
                .build();
        return staffAuthorities.mapAuthorities(Set.of(new OidcUserAuthority(token)));
    }

    @Test
    void letsInOnlyStaffOfAReceptionRoleWithAnOrganisation() {
        assertThat(mapped(Map.of("login_profile", "staff", "role", "RECEPTION_CLERK", "organisation", HOSPITAL)))
                .contains(DeskAuthority.CLERK)
                .doesNotContain(DeskAuthority.ADMIN);
        assertThat(mapped(Map.of("login_profile", "staff", "role", "HOSPITAL_ADMIN", "organisation", HOSPITAL)))
                .contains(DeskAuthority.CLERK, DeskAuthority.ADMIN);
        assertThat(mapped(Map.of("login_profile", "resident")))
                .doesNotContain(DeskAuthority.CLERK, DeskAuthority.ADMIN);
        assertThat(mapped(Map.of("login_profile", "staff", "role", "INSURER_ADMIN", "organisation", "kameda-kenpo")))
                .doesNotContain(DeskAuthority.CLERK);
        assertThat(mapped(Map.of("login_profile", "staff", "role", "RECEPTION_CLERK")))
                .as("no organisation")
                .doesNotContain(DeskAuthority.CLERK);
    }
}
