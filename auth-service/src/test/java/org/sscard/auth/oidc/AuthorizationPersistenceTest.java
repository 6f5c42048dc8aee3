package org.sscard.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.Principal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CodeFlow;
import org.sscard.testsupport.RelayFixture;

/** Authorization codes and tokens live in PostgreSQL: a new service instance on the same tables knows them. */
class AuthorizationPersistenceTest extends AuthServiceTest {

    private static final OAuth2TokenType CODE = new OAuth2TokenType("code");

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void codeIssuedBeforeIsKnownToANewServiceAndRedeemable() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        Browser browser = new Browser(card.clientContext());
        CodeFlow flow = new CodeFlow(browser, MAIN, RESIDENT_CLIENT, REDIRECT_URI);
        String code = flow.codeFrom(browser.get(
                        browser.get(browser.get(flow.authorizeUrl()).location()).location())
                .location());

        // what a restarted service would build: a fresh instance reading the same database
        OAuth2AuthorizationService restarted =
                new AuthorizationStoreConfig().authorizationService(jdbcOperations, clients);
        OAuth2Authorization stored = restarted.findByToken(code, CODE);
        assertThat(stored)
                .as("the code's authorization, read back from the table")
                .isNotNull();
        assertThat(stored.getPrincipalName()).isEqualTo(person.toString());
        assertThat(stored.<CardAuthentication>getAttribute(Principal.class.getName())
                        .holder()
                        .subject())
                .isEqualTo(person.toString());
        assertThat(tokenColumns(code)).as("no access token before redemption").isZero();

        JWTClaimsSet idToken =
                flow.verifiedIdToken(flow.exchange(code, clientAssertion(RESIDENT_CLIENT), flow.verifier()));
        assertThat(idToken.getSubject()).isEqualTo(person.toString());
        assertThat(tokenColumns(code))
                .as("the row now holds the access and ID tokens")
                .isEqualTo(1);
        assertThat(restarted
                        .findByToken(code, CODE)
                        .getToken(OAuth2AuthorizationCode.class)
                        .isInvalidated())
                .as("the code is spent")
                .isTrue();
    }

    private int tokenColumns(String code) {
        return jdbc.sql("""
                        SELECT count(*) FROM oauth2_authorization WHERE authorization_code_value = ?
                        AND access_token_value IS NOT NULL AND oidc_id_token_value IS NOT NULL""").param(code).query(Integer.class).single();
    }
}
