package org.sscard.console.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.sscard.console.config.ConsoleProperties;

/**
 * The console's pages, deny by default. Open: the entrance ({@code /}), the stylesheet, health, and the pages that
 * say "not allowed". The console's own paths need a login, and each handler method names the {@link Permission} it
 * needs (method security); anything else is denied. A login that is no operator's lands on the refusal page, whose
 * only way on is logging out. Logout ends the session here and at auth-service (RP-initiated), back to the entrance.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String ENTRANCE = "/";
    static final String REFUSED = "/refused";
    static final String FORBIDDEN = "/forbidden";
    static final String[] HEALTH = {"/actuator/health", "/actuator/health/**", "/actuator/info"};

    @Bean
    SecurityFilterChain pages(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            RestClientAuthorizationCodeTokenResponseClient codeTokenClient,
            StaffAuthorities staffAuthorities,
            ConsoleProperties console)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri(console.base() + "/");
        logout.setDefaultTargetUrl(ENTRANCE);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HEALTH)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ENTRANCE, "/css/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(FORBIDDEN, "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, REFUSED)
                        .authenticated()
                        // who may do what is each handler method's @PreAuthorize (a Permission, and the own insurer)
                        .requestMatchers("/home", "/residents", "/residents/**", "/insurers/**")
                        .authenticated()
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
                                        + " base-uri 'none'; form-action 'self' " + console.authBase())));
        return http.build();
    }

    /** An operator goes to their role's first page; any other login to the page that says why not. */
    static String landing(Authentication authentication) {
        Staff staff = CurrentStaff.of(authentication);
        return staff != null && CurrentStaff.hasAnyPermission(authentication) ? staff.home() : REFUSED;
    }
}
