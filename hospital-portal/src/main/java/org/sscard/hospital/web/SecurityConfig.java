package org.sscard.hospital.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.hospital.config.DataDirectory;
import org.sscard.hospital.config.HospitalAuthority;
import org.sscard.hospital.config.HospitalProperties;

/**
 * Two flows, both deny-by-default. {@code /api/**}: stateless bearer tokens from the platform issuer addressed to
 * this provider (pairwise tokens for patients, a listed client's own token for imports); no session, no identity
 * header ever counts. Everything else: pages behind a SAML login at the platform IdP, in this service's own session.
 * Controller methods each require an authority as well.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN = "/saml2/authenticate/" + HospitalProperties.REGISTRATION_ID;

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder tokens,
            HospitalProperties properties,
            TokenProperties tokenProperties,
            ObjectMapper json)
            throws Exception {
        String issuer = tokenProperties.issuer().toString();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/api/v1/records", "/api/v1/access-log", "/api/v1/summary")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports")
                        .authenticated()
                        .anyRequest()
                        .denyAll());
        ServiceTokenChain.bearerTokens(
                http,
                tokens,
                jwt -> new JwtAuthenticationToken(jwt, authorities(jwt, properties, issuer), jwt.getSubject()),
                json,
                properties.providerKey());
        return http.build();
    }

    /**
     * A client's own token ({@link ServiceTokenVerification#isClientToken}: {@code client_id} = {@code sub}, no
     * person's claims); a pairwise token's {@code sub} is the patient number, issued to another client (the portal).
     * The two never mix. A pairwise token with {@code act} (a staff member acting for the patient) counts only when
     * the platform issuer named the actor and the actor's organisation is this hospital or one it lists
     * ({@code sscard.hospital.staff-organisations}).
     */
    static List<GrantedAuthority> authorities(Jwt jwt, HospitalProperties properties, String issuer) {
        List<GrantedAuthority> granted = new ArrayList<>();
        String subject = jwt.getSubject();
        boolean ownClientToken = ServiceTokenVerification.isClientToken(jwt);
        if (ownClientToken && properties.importClients().contains(subject)) {
            granted.add(HospitalAuthority.HOSPITAL_IMPORT);
        }
        if (!ownClientToken && subject.matches("[A-Za-z0-9-]{1,20}") && actorAllowed(jwt, properties, issuer)) {
            granted.add(HospitalAuthority.PATIENT);
        }
        return granted;
    }

    /** No {@code act}, or an actor of the platform issuer from an organisation this hospital accepts. */
    private static boolean actorAllowed(Jwt jwt, HospitalProperties properties, String issuer) {
        if (!jwt.hasClaim("act")) {
            return true;
        }
        return jwt.getClaims().get("act") instanceof java.util.Map<?, ?> act
                && act.get("sub") instanceof String
                && issuer.equals(String.valueOf(act.get("iss")))
                && act.get("organisation") instanceof String organisation
                && properties.acceptsStaffOf(organisation);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            AuthenticationProvider samlResponseAuthentication,
            AuthenticationFailureHandler samlRefusalHandler,
            AuthenticationSuccessHandler samlLoginSuccess,
            LogoutSuccessHandler samlLogoutSuccess)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ServiceTokenChain.HEALTH)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/saml2/service-provider-metadata/" + HospitalProperties.REGISTRATION_ID,
                                LOGIN,
                                "/",
                                "/css/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // the IdP's back-channel LogoutRequest: no session; its signature is checked by the handler
                        .requestMatchers(HttpMethod.POST, HospitalProperties.BACK_CHANNEL_LOGOUT)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/records")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .saml2Login(saml -> saml.loginPage(LOGIN)
                        .authenticationManager(new ProviderManager(samlResponseAuthentication))
                        .failureHandler(samlRefusalHandler)
                        .successHandler(samlLoginSuccess))
                // the local session ends, then the IdP's (single logout), ending at the "remove your card" page
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(samlLogoutSuccess))
                // a server-to-server SOAP call with a signed message, not a browser form
                .csrf(csrf -> csrf.ignoringRequestMatchers(HospitalProperties.BACK_CHANNEL_LOGOUT))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; "
                                + "base-uri 'none'")));
        return http.build();
    }

    @Bean
    JwtDecoder serviceTokenDecoder(TokenProperties tokens, DataDirectory dataDirectory) {
        return ServiceTokenVerification.decoder(tokens, () -> PlatformTrust.sslContext(dataDirectory.caRoot()));
    }
}
