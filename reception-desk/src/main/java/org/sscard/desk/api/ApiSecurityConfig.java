package org.sscard.desk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.token.TokenProperties;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.config.PlatformClients;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.login.DeskAuthority;

/**
 * {@code /api/**}: stateless bearer tokens, deny by default. A token counts when auth-service signed it (its JWKS,
 * RS256), issued it and it has not expired; it may check only when it is an access token of the desk program
 * ({@code client_id} and {@code aud} = {@code sscard-reception}) from a staff card login with a reception role.
 * Any other valid token (a resident's, another client's, the desk's own) is authenticated but may do nothing: 403.
 */
@Configuration
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JwtDecoder apiTokens, DeskProperties desk, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, EligibilityCheckApi.PATH)
                        .hasAuthority(DeskAuthority.API_CLERK.getAuthority())
                        .anyRequest()
                        .denyAll());
        ServiceTokenChain.bearerTokens(
                http,
                apiTokens,
                jwt -> new JwtAuthenticationToken(jwt, authorities(jwt, desk.apiClient()), jwt.getSubject()),
                json,
                "the reception desk");
        return http.build();
    }

    static List<GrantedAuthority> authorities(Jwt jwt, String apiClient) {
        boolean deskProgram = apiClient.equals(jwt.getClaimAsString("client_id"))
                && jwt.getAudience() != null
                && jwt.getAudience().contains(apiClient);
        return deskProgram && Clerk.fromClaims(jwt.getClaims()) != null ? List.of(DeskAuthority.API_CLERK) : List.of();
    }

    /** auth-service's signature, issuer and expiry; who may do what is {@link #authorities}'s decision. */
    @Bean
    JwtDecoder apiTokenDecoder(TokenProperties tokens, PlatformClients platform) {
        java.util.concurrent.atomic.AtomicReference<JdkClientHttpRequestFactory> requests =
                new java.util.concurrent.atomic.AtomicReference<>();
        RestTemplate keys = new RestTemplate((uri, method) -> requests.updateAndGet(current -> {
                    if (current != null) {
                        return current;
                    }
                    JdkClientHttpRequestFactory made =
                            new JdkClientHttpRequestFactory(platform.http(Duration.ofSeconds(3)));
                    made.setReadTimeout(Duration.ofSeconds(5));
                    return made;
                })
                .createRequest(uri, method));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        tokens.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(keys)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(tokens.issuer().toString()),
                jwt -> jwt.getSubject() != null
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no sub", null))));
        return decoder;
    }
}
