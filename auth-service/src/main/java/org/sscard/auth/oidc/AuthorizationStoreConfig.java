package org.sscard.auth.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;
import org.sscard.auth.login.CardAuthentication;

/**
 * Authorizations (codes, access and ID tokens) and consents in PostgreSQL (tables of {@code V1__authorization_server}),
 * so that a code issued or a token handed out before a restart is still known after it. The registered clients stay
 * in configuration; the JDBC service looks them up there by ID when it reads a row back.
 */
@Configuration
@org.springframework.scheduling.annotation.EnableScheduling
class AuthorizationStoreConfig {

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
        ObjectMapper json = attributesMapper();
        JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper rows =
                new JdbcOAuth2AuthorizationService.OAuth2AuthorizationRowMapper(clients);
        rows.setObjectMapper(json);
        service.setAuthorizationRowMapper(rows);
        JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper parameters =
                new JdbcOAuth2AuthorizationService.OAuth2AuthorizationParametersMapper();
        parameters.setObjectMapper(json);
        service.setAuthorizationParametersMapper(parameters);
        return service;
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /**
     * The service's own JSON setup plus the card login: the authorization's principal is a
     * {@link CardAuthentication}, and Spring Security's mapper reads back only types it was told about. Reading it
     * back as what it was keeps the token claims (profile, staff role and organisation) right at the token endpoint.
     */
    static ObjectMapper attributesMapper() {
        ObjectMapper json = new ObjectMapper();
        json.registerModules(SecurityJackson2Modules.getModules(JdbcOAuth2AuthorizationService.class.getClassLoader()));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
        json.addMixIn(CardAuthentication.class, CardAuthenticationMixin.class);
        return json;
    }

    @Bean
    ExpiredAuthorizationPurge expiredAuthorizationPurge(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        return new ExpiredAuthorizationPurge(jdbc, clock);
    }
}
