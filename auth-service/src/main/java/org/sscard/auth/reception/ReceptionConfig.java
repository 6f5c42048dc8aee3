package org.sscard.auth.reception;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.sscard.auth.login.PatientCardCheck;
import org.sscard.auth.relay.RelayDirectory;

@Configuration
@EnableConfigurationProperties(ReceptionProperties.class)
class ReceptionConfig {

    @Bean
    ReceptionTokenClaims receptionTokenClaims(ReceptionProperties properties) {
        return new ReceptionTokenClaims(properties.tokenLifetime());
    }

    @Bean
    ReceptionCheckEndpoint receptionCheckEndpoint(
            ReceptionProperties properties,
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            PatientCardCheck cards,
            RelayDirectory relay,
            OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        return new ReceptionCheckEndpoint(
                new ReceptionCheckConverter(),
                new ReceptionCheckProvider(
                        new ReceptionClerks(authorizations, clients, properties.actorClients()),
                        new ReceptionPatients(cards, relay),
                        tokens),
                new ReceptionErrorResponses());
    }
}
