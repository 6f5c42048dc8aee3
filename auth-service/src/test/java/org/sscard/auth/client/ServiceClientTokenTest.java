package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.testsupport.pki.TestPki;

/**
 * Client credentials at the token endpoint: a service authenticates with private_key_jwt and its service-client
 * certificate, and gets a token the relay's own verification accepts; every other way in is refused.
 */
class ServiceClientTokenTest extends AuthServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Browser browser =
            new Browser(PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")));

    @Test
    void issuesATokenTheRelayAcceptsToAServiceClientWithItsCertificate() throws Exception {
        Browser.Page response = token(clientAssertion(SERVICE_CLIENT), "relay-db-service");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).path("access_token").asText();

        Jwt verified = ServiceTokenVerification.decoder(
                        new TokenProperties(URI.create(MAIN), null, null, "relay-db-service", null),
                        () -> PlatformTrust.sslContext(RELAY.dataDir().resolve("tls/ca-root.pem")))
                .decode(token);
        assertThat(verified.getSubject()).isEqualTo(SERVICE_CLIENT);
        assertThat(verified.getAudience()).containsExactly("relay-db-service");
        assertThat(verified.getClaimAsString("client_id")).isEqualTo(SERVICE_CLIENT);
        assertThat(ServiceTokenVerification.isClientToken(verified)).isTrue();
        assertThat(verified.getExpiresAt()).isBefore(Instant.now().plusSeconds(301));
    }

    @Test
    void refusesAnAssertionSignedWithAnotherKeyThanItsCertificates() throws Exception {
        ServiceCredentials own = serviceClient(SERVICE_CLIENT);
        ServiceCredentials mixed =
                new ServiceCredentials(SERVICE_CLIENT, TestPki.rsa(2048).getPrivate(), own.chain());
        assertInvalidClient(token(clientAssertion(mixed), "relay-db-service"));
    }

    @Test
    void refusesTheCertificateOfAnotherClient() throws Exception {
        ServiceCredentials other = serviceClient("card-issuer");
        ServiceCredentials claimed = new ServiceCredentials(SERVICE_CLIENT, other.privateKey(), other.chain());
        assertInvalidClient(token(clientAssertion(claimed), "relay-db-service"));
    }

    @Test
    void refusesAResidentCardAsAServiceCertificate() throws Exception {
        ServiceCredentials resident =
                credentials(SERVICE_CLIENT, PKI.serviceClient(SERVICE_CLIENT).policies(TestPki.RESIDENT_POLICY));
        assertInvalidClient(token(clientAssertion(resident), "relay-db-service"));
    }

    @Test
    void refusesARevokedServiceCertificate() throws Exception {
        ServiceCredentials revoked = serviceClient(SERVICE_CLIENT);
        PKI.revokeInOcsp(revoked.certificate(), 1);
        assertInvalidClient(token(clientAssertion(revoked), "relay-db-service"));
    }

    @Test
    void refusesAServiceCertificateWhoseRevocationStatusCannotBeKnown() throws Exception {
        ServiceCredentials unknown =
                credentials(SERVICE_CLIENT, PKI.serviceClient(SERVICE_CLIENT).revocationUnreachable());
        assertInvalidClient(token(clientAssertion(unknown), "relay-db-service"));
    }

    @Test
    void refusesAReplayedAssertion() throws Exception {
        Map<String, String> assertion = clientAssertion(SERVICE_CLIENT);
        assertThat(token(assertion, "relay-db-service").status()).isEqualTo(200);
        assertInvalidClient(token(assertion, "relay-db-service"));
    }

    @Test
    void refusesAnAssertionThatLivesLongerThanFiveMinutes() throws Exception {
        Instant now = Instant.now();
        assertInvalidClient(token(signed(now, now.plus(Duration.ofHours(1))), "relay-db-service"));
        assertInvalidClient(token(signed(now.minusSeconds(30), now.plus(Duration.ofMinutes(5))), "relay-db-service"));
        Browser.Page fiveMinutes = token(signed(now, now.plus(Duration.ofMinutes(5))), "relay-db-service");
        assertThat(fiveMinutes.status()).as(fiveMinutes.body()).isEqualTo(200);
    }

    @Test
    void refusesAnAssertionIssuedInTheFuture() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(3));
        assertInvalidClient(token(signed(later, later.plusSeconds(60)), "relay-db-service"));
    }

    @Test
    void refusesAnAssertionWithoutIat() throws Exception {
        assertInvalidClient(token(signed(null, Instant.now().plusSeconds(60)), "relay-db-service"));
    }

    /** A client assertion as ClientAssertions makes it, with the given iat (none if null) and exp. */
    private static Map<String, String> signed(Instant issuedAt, Instant expiresAt) throws Exception {
        ServiceCredentials credentials = serviceClient(SERVICE_CLIENT);
        java.util.List<com.nimbusds.jose.util.Base64> x5c = new java.util.ArrayList<>();
        for (java.security.cert.X509Certificate certificate : credentials.chain()) {
            x5c.add(com.nimbusds.jose.util.Base64.encode(certificate.getEncoded()));
        }
        com.nimbusds.jwt.JWTClaimsSet.Builder claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(SERVICE_CLIENT)
                .subject(SERVICE_CLIENT)
                .audience(MAIN + "/oauth2/token")
                .jwtID(java.util.UUID.randomUUID().toString())
                .expirationTime(java.util.Date.from(expiresAt));
        if (issuedAt != null) {
            claims.issueTime(java.util.Date.from(issuedAt));
        }
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                        .x509CertChain(x5c)
                        .build(),
                claims.build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(credentials.privateKey()));
        return Map.of(
                "client_id",
                SERVICE_CLIENT,
                "client_assertion_type",
                ClientAssertions.TYPE,
                "client_assertion",
                jwt.serialize());
    }

    @Test
    void refusesAnAssertionMadeForAnotherTokenEndpoint() throws Exception {
        ServiceCredentials credentials = serviceClient(SERVICE_CLIENT);
        Map<String, String> elsewhere = ClientAssertions.parameters(
                credentials, URI.create("https://elsewhere.example/oauth2/token"), Instant.now());
        assertInvalidClient(token(elsewhere, "relay-db-service"));
    }

    @Test
    void refusesAServiceTheClientMayNotCall() throws Exception {
        Browser.Page response = token(clientAssertion(SERVICE_CLIENT), "card-issuer");
        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void refusesClientSecretsAndAnonymousClients() throws Exception {
        Map<String, String> form = new HashMap<>(Map.of(
                "grant_type",
                "client_credentials",
                "scope",
                "relay-db-service",
                "client_id",
                SERVICE_CLIENT,
                "client_secret",
                "guess"));
        assertInvalidClient(browser.postForm(MAIN + "/oauth2/token", form));
        form.remove("client_secret");
        Browser.Page anonymous = browser.postForm(MAIN + "/oauth2/token", form);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("access_token");
    }

    /**
     * A leaf and a dozen self-issued certificates sharing one name, all the attacker's: unbounded, the path search
     * would try every ordering of them before any signature of the assertion is checked. Here the x5c limit refuses
     * it before any search (no node visited); the timeout only guards against a hang. The count comes from the
     * refusal's audit event.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refusesAnAssertionWithADozenSelfIssuedLookAlikesBeforeAnyPathSearch() throws Exception {
        assertThat(nodesVisitedByRefusedAssertion(ClientAssertionChainBoundsTest.lookAlikeChain(12)))
                .isZero();
    }

    /** Look-alikes within the x5c limit reach the path search, which stops within its bound and refuses. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refusesAnAssertionWithLookAlikesWithinTheX5cLimitAfterNoMoreNodesThanTheBound() throws Exception {
        int lookAlikes = CertificateClientAssertions.MAX_X5C_CERTIFICATES - 1;
        assertThat(nodesVisitedByRefusedAssertion(ClientAssertionChainBoundsTest.lookAlikeChain(lookAlikes)))
                .isPositive()
                .isLessThanOrEqualTo(CertificatePathValidator.MAX_SEARCH_NODES);
    }

    private int nodesVisitedByRefusedAssertion(ServiceCredentials credentials) throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger("sscard.audit");
        logger.addAppender(audit);
        try {
            assertInvalidClient(token(clientAssertion(credentials), "relay-db-service"));
        } finally {
            logger.detachAppender(audit);
        }
        List<Object> visited = audit.list.stream()
                .filter(event -> event.getKeyValuePairs().stream()
                        .anyMatch(kv ->
                                kv.key.equals("event.action") && kv.value.equals("client-authentication-refused")))
                .flatMap(event -> event.getKeyValuePairs().stream())
                .filter(kv -> kv.key.equals("sscard.certificate.path_nodes_visited"))
                .map(kv -> kv.value)
                .toList();
        assertThat(visited).singleElement().isInstanceOf(Integer.class);
        return (Integer) visited.get(0);
    }

    private Browser.Page token(Map<String, String> clientAuthentication, String audience) throws Exception {
        Map<String, String> form = new HashMap<>(clientAuthentication);
        form.put("grant_type", "client_credentials");
        form.put("scope", audience);
        return browser.postForm(MAIN + "/oauth2/token", form);
    }

    private static void assertInvalidClient(Browser.Page response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_client");
    }
}
