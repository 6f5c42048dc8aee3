package org.sscard.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;

/**
 * The part of a security chain that every service taking the platform's bearer tokens shares, so that it is written
 * once: the token must pass {@link ServiceTokenVerification#decoder} (signature, issuer, audience, expiry), the
 * caller's authorities come from the service's own mapping, a missing or bad token is a 401 problem detail with the
 * RFC 6750 challenge, a refused authority a 403 problem detail, and there is no session and no cookie (so no CSRF).
 * Which paths are open, which need a token and that all else is denied stays in each service's own configuration.
 */
public final class ServiceTokenChain {

    /** Open in every service: liveness for the launcher and the orchestrator, and the service's build info. */
    public static final String[] HEALTH = {"/actuator/health", "/actuator/health/**", "/actuator/info"};

    /** The API description (OpenAPI and its UI), open so that a client can read the contract before it has a token. */
    public static final String[] API_DESCRIPTION = {
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    private ServiceTokenChain() {}

    /**
     * Bearer tokens only, each client allowed what {@code clients} lists for its client ID ({@code sub}) and nothing
     * if unlisted. {@code addressedTo} names this service in the 401's detail ("the relay").
     */
    public static HttpSecurity bearerTokens(
            HttpSecurity http,
            JwtDecoder serviceTokens,
            Map<String, ? extends Collection<? extends GrantedAuthority>> clients,
            ObjectMapper json,
            String addressedTo)
            throws Exception {
        return bearerTokens(
                http, serviceTokens, ServiceTokenVerification.clientAuthorities(clients), json, addressedTo);
    }

    /** Bearer tokens only, with the caller's authorities decided by {@code authorities} from the checked token. */
    public static HttpSecurity bearerTokens(
            HttpSecurity http,
            JwtDecoder serviceTokens,
            Converter<Jwt, AbstractAuthenticationToken> authorities,
            ObjectMapper json,
            String addressedTo)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = ServiceTokenVerification.entryPoint(
                json, "present a bearer token from the platform's token issuer addressed to " + addressedTo);
        return http.oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(serviceTokens).jwtAuthenticationConverter(authorities))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response, json, CommonError.FORBIDDEN, "this client is not allowed to do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // machine-to-machine calls without cookies: CSRF does not apply
                .csrf(csrf -> csrf.disable());
    }
}
