package org.sscard.common.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.client.RestTemplate;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;

/**
 * A resource server's side of service tokens: a JWT is accepted only when signed by the platform issuer's current
 * keys (RS256, fetched from its JWKS and refreshed when an unknown key ID shows up, so keys rotate without
 * downtime), issued by it, unexpired, and addressed to this service; what the client may then do is this service's
 * own decision ({@code clients}: client ID → authorities; a client not listed may do nothing).
 */
public final class ServiceTokenVerification {

    /**
     * The claim by which the platform issuer marks a client-credentials token ({@code gty}, as other issuers spell
     * it): the token speaks for the client itself, never for a person. A pairwise or login token never carries it.
     */
    public static final String GRANT_TYPE_CLAIM = "gty";

    public static final String CLIENT_CREDENTIALS = "client-credentials";

    /** Claims that only a token speaking for a person carries. */
    private static final List<String> PERSON_CLAIMS = List.of("act", "may_act", "login_profile");

    private ServiceTokenVerification() {}

    public static JwtDecoder decoder(TokenProperties properties, Supplier<SSLContext> trust) {
        if (properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("sscard.tokens.audience is required: the name this service answers to");
        }
        // the HTTP client (and the platform trust it needs) is made at the first key fetch, not at start
        java.util.concurrent.atomic.AtomicReference<JdkClientHttpRequestFactory> requests =
                new java.util.concurrent.atomic.AtomicReference<>();
        ClientHttpRequestFactory lazy = (uri, method) -> requests.updateAndGet(current -> current != null
                        ? current
                        : requestFactory(properties.jwkSetUri().getScheme(), trust))
                .createRequest(uri, method);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        properties.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(lazy))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer().toString()),
                audience(properties.audience()),
                required("sub"),
                required("exp")));
        return decoder;
    }

    private static JdkClientHttpRequestFactory requestFactory(String scheme, Supplier<SSLContext> trust) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
        if ("https".equals(scheme)) {
            http.sslContext(trust.get());
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http.build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        return requests;
    }

    /**
     * Client ID ({@code sub} of a client-credentials token) → what this service lets that client do. Only a
     * {@linkplain #isClientToken client's own token} names a client: any other token (a resident's, a staff member's,
     * a pairwise token whose {@code sub} is a provider's local ID) gets no client authority, whatever its subject.
     */
    public static Converter<Jwt, AbstractAuthenticationToken> clientAuthorities(
            Map<String, ? extends Collection<? extends GrantedAuthority>> clients) {
        Map<String, List<GrantedAuthority>> copy = clients.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        return jwt -> new JwtAuthenticationToken(
                jwt, isClientToken(jwt) ? copy.getOrDefault(jwt.getSubject(), List.of()) : List.of(), jwt.getSubject());
    }

    /**
     * Whether the token is a service client's own (client credentials): the issuer puts the client's ID in both
     * {@code sub} and {@code client_id} (RFC 9068 §2.2) and marks the grant ({@link #GRANT_TYPE_CLAIM} =
     * {@link #CLIENT_CREDENTIALS}); such a token speaks for no person, so it carries none of a person's claims
     * ({@code act}, {@code may_act}, {@code login_profile}). A token for a person (a resident's or staff member's
     * login, a pairwise token whose {@code sub} is a provider's local ID for someone, even one exchanged by a client
     * whose ID equals that local ID) is never taken for a client, whatever its {@code sub} spells.
     */
    public static boolean isClientToken(Jwt jwt) {
        String subject = jwt.getSubject();
        return subject != null
                && subject.equals(jwt.getClaimAsString("client_id"))
                && CLIENT_CREDENTIALS.equals(jwt.getClaimAsString(GRANT_TYPE_CLAIM))
                && PERSON_CLAIMS.stream().noneMatch(jwt::hasClaim);
    }

    /** 401 with the RFC 6750 {@code WWW-Authenticate} challenge and an RFC 9457 body. */
    public static AuthenticationEntryPoint entryPoint(ObjectMapper json, String detail) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            challenge.commence(request, response, e);
            Problems.write(response, json, CommonError.UNAUTHENTICATED, detail);
        };
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token is not addressed to " + audience, null));
    }

    private static OAuth2TokenValidator<Jwt> required(String claim) {
        return jwt -> jwt.hasClaim(claim)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no " + claim, null));
    }
}
