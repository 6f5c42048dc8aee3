package org.sscard.desk.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.desk.config.DeskProperties;

/**
 * The pages: deny by default. Open: the entrance ({@code /}), the stylesheet, the statements' JWKS, the API's
 * description, health, and the pages that say "refused" or "not allowed". {@code /desk/**} needs a clerk
 * ({@link DeskAuthority#CLERK}), {@code /flags} the hospital administrator. A login that is not a reception role's
 * lands on the refusal page, whose only way on is logging out. Logout ends the session here and at auth-service
 * (RP-initiated), back to the entrance. The API ({@code /api/**}) has its own chain of bearer tokens.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String ENTRANCE = "/";
    static final String REFUSED = "/refused";
    static final String FORBIDDEN = "/forbidden";

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            RestClientAuthorizationCodeTokenResponseClient codeTokenClient,
            StaffAuthorities staffAuthorities,
            DeskProperties desk)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri(desk.base() + "/");
        logout.setDefaultTargetUrl(ENTRANCE);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ServiceTokenChain.HEALTH)
                        .permitAll()
                        .requestMatchers(ServiceTokenChain.API_DESCRIPTION)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ENTRANCE, "/css/**", "/favicon.ico", "/.well-known/jwks.json")
                        .permitAll()
                        .requestMatchers(FORBIDDEN, "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, REFUSED)
                        .authenticated()
                        .requestMatchers("/desk", "/desk/**")
                        .hasAuthority(DeskAuthority.CLERK.getAuthority())
                        .requestMatchers(HttpMethod.GET, "/flags")
                        .hasAuthority(DeskAuthority.ADMIN.getAuthority())
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2Login(login -> login.loginPage(ENTRANCE)
                        .tokenEndpoint(token -> token.accessTokenResponseClient(codeTokenClient))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(staffAuthorities))
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + landing(authentication)))
                        .failureUrl(ENTRANCE + "?failed"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(ENTRANCE))
                                .accessDeniedPage(FORBIDDEN))
                .logout(out -> out.logoutUrl("/logout").logoutSuccessHandler(logout))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none';"
                                        + " base-uri 'none'")));
        return http.build();
    }

    /** A clerk goes to the desk; any other login to the page that says why not. */
    static String landing(Authentication authentication) {
        boolean clerk = authentication.getAuthorities().stream()
                .anyMatch(authority -> DeskAuthority.CLERK.getAuthority().equals(authority.getAuthority()));
        return clerk ? "/desk" : REFUSED;
    }
}
