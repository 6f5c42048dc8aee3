package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.common.operator.OperatorAuthorities;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;
import org.sscard.issuer.audit.IssuerAudit;

/**
 * The issuer's one security flow: what a CA publishes (CRLs, CA certificates, OCSP) is open to every relying
 * party; so is redeeming an enrolment code (the code is the credential; bounded and rate-limited where it is read);
 * the rest of the issuing API needs a bearer token from the platform's token issuer addressed to the card issuer:
 * a client's own token, holding what {@code issuer-clients} grants that client, or an operator token of an
 * {@code issuer-operator-clients} client, holding what {@code issuer-operator-roles} grants the operator's role.
 * Each method names the authority it needs; a refusal is audited; all else is denied.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** The one API path without a token. */
    static final String REDEEM = "/api/v1/enrolment-codes/redeem";

    @Bean
    SecurityFilterChain issuerSecurity(
            HttpSecurity http,
            IssuerProperties properties,
            JwtDecoder serviceTokens,
            ObjectMapper json,
            IssuerAudit audit)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // what a CA publishes; OCSP clients POST without a token (no cookies either, so no CSRF)
                .requestMatchers("/crl/**", "/ca/**", "/ocsp", "/ocsp/**")
                .permitAll()
                .requestMatchers(ServiceTokenChain.HEALTH)
                .permitAll()
                .requestMatchers(ServiceTokenChain.API_DESCRIPTION)
                .permitAll()
                .requestMatchers(HttpMethod.POST, REDEEM)
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
                        properties.issuerClients(),
                        properties.issuerOperatorClients(),
                        properties.issuerOperatorRoles()),
                json,
                "the card issuer");
        // a refused authority is on the CA's record too, naming the client and, for an operator, the staff member
        http.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
            audit.refused("DENIED", "FORBIDDEN: " + request.getMethod() + " " + request.getRequestURI(), null, null);
            Problems.write(response, json, CommonError.FORBIDDEN, "this client is not allowed to do this");
        }));
        return http.build();
    }

    @Bean
    JwtDecoder serviceTokenDecoder(TokenProperties tokens, IssuerProperties issuer) {
        return ServiceTokenVerification.decoder(
                tokens, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(issuer.dataDir())));
    }
}
