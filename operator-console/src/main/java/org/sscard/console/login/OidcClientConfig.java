package org.sscard.console.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.TokenProperties;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.config.PlatformClients;

/**
 * The console as auth-service's OIDC client {@code operator-console} (registration {@code sscard}), exactly as the
 * reception desk is its client: code flow with PKCE, the client authenticated by {@code private_key_jwt} with its
 * service certificate in {@code x5c} (common's ClientAssertions) at every token request, the code exchange and each
 * refresh alike. The operator's tokens live in the session; the {@link OAuth2AuthorizedClientManager} renews the
 * 5-minute access token with the refresh token, so that the actor token of each operator-action grant is a fresh
 * one. Endpoints are configured, not discovered: the console starts while auth-service is still starting.
 */
@Configuration
class OidcClientConfig {

    static final String REGISTRATION = "sscard";
    static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties console, TokenProperties tokens) {
        String auth = console.authBase();
        ClientRegistration sscard = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(tokens.clientId())
                .clientName("sscard")
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(console.base() + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(auth + "/oauth2/authorize")
                .tokenUri(tokens.tokenUri().toString())
                .jwkSetUri(tokens.jwkSetUri().toString())
                .issuerUri(tokens.issuer().toString())
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", auth + "/connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryClientRegistrationRepository(sscard);
    }

    /** The operator's tokens live in their own session only, and go with it. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    RestClientAuthorizationCodeTokenResponseClient codeTokenClient(PlatformClients platform, Clock clock) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenRestClient(platform));
        client.setParametersConverter(request -> clientAuthentication(request, platform, clock));
        return client;
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients,
            PlatformClients platform,
            Clock clock) {
        RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
        refresh.setRestClient(tokenRestClient(platform));
        refresh.setParametersConverter(request -> clientAuthentication(request, platform, clock));
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                // renewed when less than 30 s are left, so a token never expires on its way to auth-service
                .refreshToken(token ->
                        token.accessTokenResponseClient(refresh).clock(clock).clockSkew(Duration.ofSeconds(30)))
                .build());
        return manager;
    }

    /** {@code client_id}, {@code client_assertion_type} and a fresh assertion, added to the grant's own parameters. */
    static MultiValueMap<String, String> clientAuthentication(
            AbstractOAuth2AuthorizationGrantRequest request, PlatformClients platform, Clock clock) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        ClientAssertions.parameters(
                        platform.credentials(),
                        URI.create(request.getClientRegistration()
                                .getProviderDetails()
                                .getTokenUri()),
                        clock.instant())
                .forEach(parameters::add);
        return parameters;
    }

    private static RestClient tokenRestClient(PlatformClients platform) {
        return RestClient.builder()
                .requestFactory(lazyRequests(platform))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** The ID token's signature: auth-service's JWKS over the platform trust, RS256 only. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(PlatformClients platform) {
        return registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                            registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(new RestTemplate(lazyRequests(platform)))
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            return decoder;
        };
    }

    /** The HTTP client (and the platform trust it needs) is made at the first call, not at start. */
    static ClientHttpRequestFactory lazyRequests(PlatformClients platform) {
        java.util.concurrent.atomic.AtomicReference<JdkClientHttpRequestFactory> requests =
                new java.util.concurrent.atomic.AtomicReference<>();
        return (uri, method) -> requests.updateAndGet(current -> {
                    if (current != null) {
                        return current;
                    }
                    JdkClientHttpRequestFactory made = new JdkClientHttpRequestFactory(platform.http(TOKEN_TIMEOUT));
                    made.setReadTimeout(TOKEN_TIMEOUT);
                    return made;
                })
                .createRequest(uri, method);
    }
}
