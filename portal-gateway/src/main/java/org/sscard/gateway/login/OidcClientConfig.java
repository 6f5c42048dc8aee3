package org.sscard.gateway.login;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.TokenProperties;
import org.sscard.gateway.config.PortalProperties;

/**
 * The gateway as auth-service's OIDC client {@code portal-gateway}: code flow with PKCE, the client authenticated
 * by {@code private_key_jwt} with its service certificate in {@code x5c} (common's ClientAssertions), the ID token
 * checked against auth-service's JWKS over the platform trust. Endpoints are configured, not discovered, so the
 * gateway starts even while auth-service is still starting.
 */
@Configuration
class OidcClientConfig {

    static final String REGISTRATION = "sscard";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(PortalProperties portal, TokenProperties tokens) {
        String auth = portal.authBase();
        ClientRegistration sscard = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(tokens.clientId())
                .clientName("sscard")
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
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
        return new InMemoryReactiveClientRegistrationRepository(sscard);
    }

    /** The resident's tokens live in their own web session only, and go with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeTokenResponseClient(
            WebClient platformWebClient, Supplier<ServiceCredentials> credentials, Clock clock) {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(platformWebClient);
        client.setParametersConverter(
                request -> clientAuthentication(request.getClientRegistration(), credentials.get(), clock));
        return client;
    }

    /** {@code client_id}, {@code client_assertion_type} and a fresh assertion for the token endpoint. */
    static MultiValueMap<String, String> clientAuthentication(
            ClientRegistration registration, ServiceCredentials credentials, Clock clock) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        ClientAssertions.parameters(
                        credentials,
                        java.net.URI.create(registration.getProviderDetails().getTokenUri()),
                        clock.instant())
                .forEach(parameters::add);
        return parameters;
    }

    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(WebClient platformWebClient) {
        return registration -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                            registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .webClient(platformWebClient)
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            return decoder;
        };
    }
}
