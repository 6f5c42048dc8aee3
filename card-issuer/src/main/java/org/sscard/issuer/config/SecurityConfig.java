package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;

/**
 * The issuer's one security flow: what a CA publishes (CRLs, CA certificates, OCSP) is open to every relying
 * party; the issuing API needs a bearer token from the platform's token issuer addressed to the card issuer, and
 * the client it names must hold the authority each method names (granted here, per client); all else is denied.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain issuerSecurity(
            HttpSecurity http, IssuerProperties properties, JwtDecoder serviceTokens, ObjectMapper json)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/crl/**", "/ca/**", "/ocsp", "/ocsp/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(
                        resourceServer -> resourceServer
                                .jwt(jwt -> jwt.decoder(serviceTokens)
                                        .jwtAuthenticationConverter(
                                                ServiceTokenVerification.clientAuthorities(properties.issuerClients())))
                                .authenticationEntryPoint(
                                        ServiceTokenVerification.entryPoint(
                                                json,
                                                "present a bearer token from the platform's token issuer addressed to the card issuer")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        Problems.write(response, json, CommonError.FORBIDDEN, "this client is not allowed to do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // machine-to-machine API without cookies, and OCSP/CRL clients that never send tokens
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    JwtDecoder serviceTokenDecoder(TokenProperties tokens, IssuerProperties issuer) {
        return ServiceTokenVerification.decoder(
                tokens,
                () -> PlatformTrust.sslContext(issuer.dataDir().resolve("tls").resolve("ca-root.pem")));
    }
}
