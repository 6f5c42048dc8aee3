package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.LoggingRevocationAudit;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.revocation.RevocationStatus;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.MovableClock;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The {@code x5c} of a client assertion is unauthenticated until a path is found for it: its length and size are
 * bounded before it is parsed, the client certificate must be signed by a certificate named as its issuer before any
 * path is searched, and the search is bounded in the partial paths it visits ({@link CertificatePathValidator}).
 */
class ClientAssertionChainBoundsTest {

    private static final String ISSUER = "https://auth.test";
    private static final URI TOKEN_ENDPOINT = URI.create(ISSUER + "/oauth2/token");
    private static final TestPki PKI = TestPki.create();
    private static final KeyPair ATTACKER = TestPki.rsa(2048);

    private final AtomicInteger revocationChecks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final CertificateClientAssertions assertions = new CertificateClientAssertions(
            new CertificatePathValidator(
                    List.of(PKI.root().certificate()),
                    ValidationPolicy.strict().withFailOpen(false),
                    subject -> {
                        revocationChecks.incrementAndGet();
                        return new RevocationStatus.Good("test");
                    },
                    new LoggingRevocationAudit()),
            new AssertionReplayCache(clock),
            clock);

    @BeforeEach
    void authorizationServer() {
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return ISSUER;
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return AuthorizationServerSettings.builder().issuer(ISSUER).build();
            }
        });
    }

    @AfterEach
    void forget() {
        AuthorizationServerContextHolder.resetContext();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void refusesALeafWithADozenSelfIssuedLookAlikesBeforeAnySearch() {
        CertificateClientAssertions.RefusedCertificate refused = refused(lookAlikeChain(12));
        assertThat(refused).hasMessageContaining("x5c holds 13 certificates");
        assertThat(refused.nodesVisited()).isZero();
        assertThat(revocationChecks).hasValue(0);
    }

    @Test
    void refusesAnX5cLargerThanItsByteBound() throws Exception {
        var bulky = PKI.serviceClient("test-service");
        for (int i = 0; i < 45; i++) {
            bulky.uri("urn:sscard:padding:" + "x".repeat(40) + i);
        }
        Issued certificate = bulky.issue();
        List<X509Certificate> chain =
                List.of(certificate.certificate(), certificate.certificate(), certificate.certificate());
        int bytes = 3 * certificate.certificate().getEncoded().length;
        // over our bound, yet under the JOSE header limit Nimbus applies first (20,000 characters of base64 and JSON)
        assertThat(bytes).isGreaterThan(CertificateClientAssertions.MAX_X5C_BYTES);
        assertThat(bytes * 4 / 3).isLessThan(18_000);

        CertificateClientAssertions.RefusedCertificate refused =
                refused(new ServiceCredentials("test-service", certificate.privateKey(), chain));

        assertThat(refused).hasMessageContaining("bytes, at most " + CertificateClientAssertions.MAX_X5C_BYTES);
        assertThat(revocationChecks).hasValue(0);
    }

    @Test
    void refusesAClientCertificateItsNamedIssuerDidNotSignBeforeAnySearch() {
        Issued forged = PKI.serviceClient("test-service")
                .issuedBy(new Issued(PKI.issuing().certificate(), ATTACKER, List.of()))
                .keys(ATTACKER)
                .issue();

        CertificateClientAssertions.RefusedCertificate refused = refused(new ServiceCredentials(
                "test-service",
                ATTACKER.getPrivate(),
                List.of(forged.certificate(), PKI.issuing().certificate())));

        assertThat(refused).hasMessageContaining("BAD_SIGNATURE");
        assertThat(refused.nodesVisited()).isZero();
        assertThat(revocationChecks).hasValue(0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void refusesLookAlikesWithinTheX5cBoundAfterAFewNodes() {
        CertificateClientAssertions.RefusedCertificate refused = refused(lookAlikeChain(3));
        assertThat(refused).hasMessageContaining("UNTRUSTED_ISSUER");
        assertThat(refused.nodesVisited()).isPositive().isLessThanOrEqualTo(CertificatePathValidator.MAX_SEARCH_NODES);
    }

    /**
     * A service-client certificate for {@code test-service}, and {@code lookAlikes} self-issued CA certificates of one
     * name, all signed by the attacker's key: each verifies with every other's key, none reaches the platform root.
     */
    static ServiceCredentials lookAlikeChain(int lookAlikes) {
        Issued first = TestPki.certificate("C=JP, O=sscard test CA, CN=Look-alike Issuing")
                .keys(ATTACKER)
                .ca()
                .issue();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(TestPki.certificate("O=sscard, OU=services, CN=test-service")
                .policies(TestPki.SERVICE_CLIENT_POLICY)
                .uri("urn:sscard:service:test-service")
                .keys(ATTACKER)
                .issuedBy(first)
                .issue()
                .certificate());
        chain.add(first.certificate());
        while (chain.size() < lookAlikes + 1) {
            chain.add(TestPki.certificate("C=JP, O=sscard test CA, CN=Look-alike Issuing")
                    .keys(ATTACKER)
                    .ca()
                    .issuedBy(first)
                    .issue()
                    .certificate());
        }
        return new ServiceCredentials("test-service", ATTACKER.getPrivate(), chain);
    }

    private CertificateClientAssertions.RefusedCertificate refused(ServiceCredentials credentials) {
        String assertion = ClientAssertions.create(credentials, TOKEN_ENDPOINT, clock.instant());
        return catchThrowableOfType(
                CertificateClientAssertions.RefusedCertificate.class,
                () -> assertions.createDecoder(client()).decode(assertion));
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId("test-service")
                .clientId("test-service")
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
    }
}
