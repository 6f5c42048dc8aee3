package org.sscard.auth.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.sscard.auth.relay.RelayDirectory;

@Configuration
class OperatorConfig {

    @Bean
    OperatorTokenClaims operatorTokenClaims() {
        return new OperatorTokenClaims();
    }

    @Bean
    OperatorActionEndpoint operatorActionEndpoint(
            OAuth2AuthorizationService authorizations,
            RelayDirectory relay,
            JdbcClient jdbc,
            OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        OperatorGrantAudit audit = new OperatorGrantAudit(jdbc);
        return new OperatorActionEndpoint(
                new OperatorActionConverter(audit),
                new OperatorActionProvider(new ActorTokens(authorizations), new StaffRegister(relay), audit, tokens));
    }
}
