package org.sscard.auth.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.sscard.auth.login.CardLoginProperties;
import org.sscard.auth.operator.OperatorActionEndpoint;
import org.sscard.auth.operator.OperatorTokenClaims;
import org.sscard.auth.pairwise.PairwiseTokenClaims;
import org.sscard.auth.reception.ReceptionCheckEndpoint;
import org.sscard.auth.reception.ReceptionTokenClaims;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.common.token.ServiceTokens;

/**
 * The OIDC provider's flow on the main connector, top to bottom: the authorization server's endpoints (authorize,
 * token, JWKS, discovery, userinfo, RP-initiated logout); every endpoint needs an authenticated session or client;
 * a browser without a session is sent to the card login on the mTLS connector, and back to the saved authorization
 * request afterwards. The card is the only login: there is no form login and no user store.
 * <p>Authorizations (codes, tokens) are kept in PostgreSQL ({@link AuthorizationStoreConfig}).
 */
@Configuration
@EnableConfigurationProperties(OidcProperties.class)
class AuthorizationServerSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            RegisteredClientRepository clients,
            CardLoginProperties cardLogin,
            JwtDecoderFactory<RegisteredClient> clientAssertions,
            ReceptionCheckEndpoint receptionCheck,
            OperatorActionEndpoint operatorAction,
            OAuth2AuthorizationService authorizations,
            Clock clock)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer =
                OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(
                                        // RP-initiated logout ends the login's tokens too, not only the session
                                        new LogoutEndsTokens(
                                                authorizations, new OidcLogoutAuthenticationSuccessHandler()))))
                                // clients authenticate with private_key_jwt, checked against the platform PKI
                                // (auth.client)
                                .clientAuthentication(clientAuthentication ->
                                        clientAuthentication.authenticationProviders(
                                                providers -> providers.forEach(provider -> {
                                                    if (provider
                                                            instanceof
                                                            JwtClientAssertionAuthenticationProvider assertions) {
                                                        assertions.setJwtDecoderFactory(clientAssertions);
                                                    }
                                                })))
                                // the reception desk's grant (auth.reception): the clerk's token and a patient's card
                                // or SSN for a short token to the patient's insurer; the operators' console's
                                // (auth.operator): the administrator's token for a two-minute token naming them, for
                                // one back end
                                .tokenEndpoint(token -> token.accessTokenRequestConverter(receptionCheck.converter())
                                        .authenticationProvider(receptionCheck.provider())
                                        .accessTokenRequestConverter(operatorAction.converter())
                                        .authenticationProvider(operatorAction.provider())
                                        .errorResponseHandler(operatorAction.errorsBefore(receptionCheck.errors()))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the card session answers only clients of its profile; prompt=login and max_age ask for the card
                .addFilterAfter(new FreshLoginFilter(clients, clock), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new CardLoginEntryPoint(cardLogin.publicUrl().toString(), clients), browsers()))
                // the userinfo endpoint takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * Only a browser (asking for HTML) on its way to authorize is sent to the card login; a client at the token
     * endpoint without valid authentication gets 401, whatever it accepts.
     */
    private static RequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return new AndRequestMatcher(
                html, PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize"));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(OidcProperties properties) {
        return RegisteredClients.from(properties.clients(), properties.serviceClients());
    }

    @Bean
    SigningKeys signingKeys(OidcProperties properties, @Value("${sscard.data-dir}") Path dataDir, Clock clock) {
        Path file = properties.signingKey() == OidcProperties.SigningKeyStore.MEMORY
                ? null
                : dataDir.resolve("secrets").resolve("auth").resolve("oidc-signing-key.json");
        return SigningKeys.open(file, properties.keyRotation(), clock);
    }

    @Bean
    SigningKeyRotation signingKeyRotation(SigningKeys keys) {
        return new SigningKeyRotation(keys);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(
            RelayDirectory relay, SigningKeys keys, ReceptionTokenClaims reception, OperatorTokenClaims operator) {
        OAuth2TokenCustomizer<JwtEncodingContext> card = new CardTokenClaims();
        OAuth2TokenCustomizer<JwtEncodingContext> service = new ServiceTokenClaims();
        OAuth2TokenCustomizer<JwtEncodingContext> pairwise = new PairwiseTokenClaims(relay);
        return context -> {
            // the signing key by name: the JWKS also publishes the previous key (SigningKeys)
            context.getJwsHeader().keyId(keys.currentKeyId());
            card.customize(context);
            service.customize(context);
            pairwise.customize(context);
            reception.customize(context);
            operator.customize(context);
        };
    }

    /**
     * The token generator Spring would make by itself (JWTs signed with the signing keys and the claims above, opaque
     * access tokens, refresh tokens), as a bean: the reception-check and operator-action grants mint their tokens with
     * the same one.
     */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(
            JWKSource<SecurityContext> keys, OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(tokenClaims);
        return new DelegatingOAuth2TokenGenerator(
                jwts, new OAuth2AccessTokenGenerator(), new OAuth2RefreshTokenGenerator());
    }

    /** auth-service's own calls to other services (the relay) carry tokens it signs itself. */
    @Bean
    ServiceTokens serviceTokens(SigningKeys keys, OidcProperties properties, Clock clock) {
        return new LocalServiceTokens(new NimbusJwtEncoder(keys), keys::currentKeyId, properties.issuer(), clock);
    }

    /** Tracks sessions for the ID token's {@code sid} and RP-initiated logout; forgets them when they end. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
