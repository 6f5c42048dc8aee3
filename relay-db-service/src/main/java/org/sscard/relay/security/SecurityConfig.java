package org.sscard.relay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.secret.ServiceClientAuthentication;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;
import org.sscard.relay.config.DataDirectory;
import org.sscard.relay.config.RelayProperties;


/**
 * The relay's one security flow, top to bottom: service clients authenticate with HTTP Basic (their generated
 * secret), nothing is anonymous but health and the API description, anything not listed is denied, and each
 * controller method requires its own authority.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain relaySecurity(HttpSecurity http, RelayProperties properties, DataDirectory dataDirectory,
                                      ObjectMapper json) throws Exception {
        http.authenticationProvider(new ServiceClientAuthentication(dataDirectory.dataDir(), "relay",
                        properties.clients()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("sscard-relay")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"sscard-relay\"");
                            Problems.write(response, json, CommonError.UNAUTHENTICATED,
                                    "authenticate as a registered service client");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        Problems.write(response, json, CommonError.FORBIDDEN, "this client is not allowed to do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a machine-to-machine API without cookies: CSRF does not apply
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
