package org.sscard.relay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.operator.OperatorAuthorities;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.relay.config.DataDirectory;

/**
 * The relay's one security flow, top to bottom: service clients present a bearer token from the platform's token
 * issuer (auth-service; client credentials), addressed to the relay; nothing is anonymous but health and the API
 * description; anything not listed is denied; and each controller method requires its own authority, which the
 * relay grants per client ({@code sscard.relay.clients}), not the token. An operator client (the operators'
 * console) presents an operator token instead, which names the staff member it acts for; that token gets what the
 * relay grants the staff member's role ({@code sscard.relay.operator-roles}) and nothing of the client's own.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties({TokenProperties.class, OperatorProperties.class})
class SecurityConfig {

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
    SecurityFilterChain relaySecurity(
            HttpSecurity http,
            ClientProperties properties,
            OperatorProperties operators,
            JwtDecoder serviceTokens,
            ObjectMapper json)
            throws Exception {
        requireSeparate(properties, operators);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ServiceTokenChain.HEALTH)
                .permitAll()
                .requestMatchers(ServiceTokenChain.API_DESCRIPTION)
                .permitAll()
                .requestMatchers("/api/**")
                .authenticated()
                .requestMatchers("/error")
                .permitAll()
                .anyRequest()
                .denyAll());
        ServiceTokenChain.bearerTokens(
                http,
                serviceTokens,
                OperatorAuthorities.converter(
                        properties.clients(), operators.operatorClients(), operators.operatorRoles()),
                json,
                "the relay");
        return http.build();
    }

    /**
     * An operator client is no service client: its own token would then do what the staff member it acts for may
     * not. It only ever acts for one.
     */
    static void requireSeparate(ClientProperties clients, OperatorProperties operators) {
        for (String operatorClient : operators.operatorClients()) {
            if (clients.clients().containsKey(operatorClient)) {
                throw new IllegalStateException("sscard.relay.operator-clients names '" + operatorClient
                        + "', which is also a service client in sscard.relay.clients");
            }
        }
    }

    @Bean
    JwtDecoder serviceTokenDecoder(TokenProperties tokens, DataDirectory dataDirectory) {
        return ServiceTokenVerification.decoder(
                tokens, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDirectory.dataDir())));
    }
}
