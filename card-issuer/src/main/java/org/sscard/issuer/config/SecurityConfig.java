package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;

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
        http.authorizeHttpRequests(requests -> requests
                // what a CA publishes; OCSP clients POST without a token (no cookies either, so no CSRF)
                .requestMatchers("/crl/**", "/ca/**", "/ocsp", "/ocsp/**")
                .permitAll()
                .requestMatchers(ServiceTokenChain.HEALTH)
                .permitAll()
                .requestMatchers(ServiceTokenChain.API_DESCRIPTION)
                .permitAll()
                .requestMatchers("/api/**")
                .authenticated()
                .requestMatchers("/error")
                .permitAll()
                .anyRequest()
                .denyAll());
        ServiceTokenChain.bearerTokens(http, serviceTokens, properties.issuerClients(), json, "the card issuer");
        return http.build();
    }

    @Bean
    JwtDecoder serviceTokenDecoder(TokenProperties tokens, IssuerProperties issuer) {
        return ServiceTokenVerification.decoder(
                tokens, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(issuer.dataDir())));
    }
}
