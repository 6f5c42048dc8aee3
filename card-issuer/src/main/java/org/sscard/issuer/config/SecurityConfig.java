package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.secret.ServiceClientAuthentication;
import org.sscard.common.web.Problems;
import org.sscard.common.web.CommonError;

/**
 * The issuer's one security flow: what a CA publishes (CRLs, CA certificates, OCSP) is open to every relying
 * party; the issuing API needs an authenticated client with the authority each method names; all else is denied.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain issuerSecurity(HttpSecurity http, IssuerProperties properties, ObjectMapper json)
            throws Exception {
        http.authenticationProvider(new ServiceClientAuthentication(properties.dataDir(), "issuer",
                        properties.issuerClients()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/crl/**", "/ca/**", "/ocsp", "/ocsp/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("sscard-issuer")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"sscard-issuer\"");
                            Problems.write(response, json, CommonError.UNAUTHENTICATED,
                                    "authenticate as a registered client of the card issuer");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        Problems.write(response, json, CommonError.FORBIDDEN, "this client is not allowed to do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // machine-to-machine API without cookies, and OCSP/CRL clients that never send tokens
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
