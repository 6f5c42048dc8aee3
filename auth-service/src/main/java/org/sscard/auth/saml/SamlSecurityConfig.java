package org.sscard.auth.saml;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.auth.login.CardLoginProperties;
import org.sscard.auth.login.LoginProfile;

/**
 * The SAML IdP's flow on the main connector, top to bottom: the metadata is public; AuthnRequests are taken
 * anonymously (they are checked, signature first, before anyone logs in) and without a CSRF token (the SP's browser
 * POST is cross-site by design; the SP's signature and the one-time ID protect it); continuing a checked request and
 * IdP-initiated SSO need the card-login session, and a browser without one goes to the resident card login and, the
 * request saved, back; anything else under /saml is denied.
 */
@Configuration
class SamlSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain samlIdpSecurity(HttpSecurity http, CardLoginProperties cardLogin) throws Exception {
        String residentLogin =
                cardLogin.publicUrl().toString().replaceAll("/+$", "") + "/login/card/" + LoginProfile.RESIDENT.slug();
        http.securityMatcher("/saml/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, SamlPaths.METADATA)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, SamlPaths.SSO)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, SamlPaths.SSO)
                        .permitAll()
                        // an SP's signed LogoutRequest; it ends the session it names, if this browser holds it
                        .requestMatchers(HttpMethod.GET, SamlPaths.SLO)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, SamlPaths.RESUME, SamlPaths.INIT + "*")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SamlPaths.SSO))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, e) -> response.sendRedirect(residentLogin)));
        return http.build();
    }
}
