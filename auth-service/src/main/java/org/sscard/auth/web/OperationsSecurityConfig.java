package org.sscard.auth.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Whatever on the main connector is neither card login nor OIDC: health and info for the launcher and operators,
 * the error page; everything else is denied.
 */
@Configuration
class OperationsSecurityConfig {

    /**
     * No observation wrappers around the security filters, the authentication and the authorization: they cost a
     * share of every request's CPU (bench/login, bench/relay-lookup, bench/gateway) and nothing reads them. The
     * request metrics themselves stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operationsSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
