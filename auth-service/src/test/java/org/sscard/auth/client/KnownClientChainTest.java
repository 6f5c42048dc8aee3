package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.LoggingRevocationAudit;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.revocation.RevocationStatus;
import org.sscard.common.pki.RevocationReason;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.MovableClock;
import org.sscard.testsupport.pki.CertificateBuilder;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * A client that sends the same certificate chain with every assertion is not parsed and PKIX-validated each time
 * ({@link ValidatedChains}), and still: its revocation is asked on every assertion, the chain is only known for the
 * client it was accepted for, and not past its certificates' validity.
 */
class KnownClientChainTest {

    private static final String ISSUER = "https://auth.test";
    private static final URI TOKEN_ENDPOINT = URI.create(ISSUER + "/oauth2/token");
    private static final TestPki PKI = TestPki.create();

    private final AtomicReference<RevocationStatus> status = new AtomicReference<>(new RevocationStatus.Good("test"));
    private final AtomicInteger revocationChecks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final CertificateClientAssertions assertions = new CertificateClientAssertions(
            new CertificatePathValidator(
                    List.of(PKI.root().certificate()),
                    ValidationPolicy.strict().withFailOpen(false),
                    subject -> {
                        revocationChecks.incrementAndGet();
                        return status.get();
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
    void checksTheRevocationOfAKnownChainOnEveryAssertion() {
        ServiceCredentials service = credentials("test-service", PKI.serviceClient("test-service"));
        JwtDecoder decoder = assertions.createDecoder(client("test-service"));

        decoder.decode(assertion(service));
        int perAssertion = revocationChecks.get();
        decoder.decode(assertion(service));
        assertThat(revocationChecks.get())
                .as("every certificate of the path, again")
                .isEqualTo(2 * perAssertion);

        status.set(new RevocationStatus.Revoked("test", RevocationReason.keyCompromise, clock.instant()));
        assertThatThrownBy(() -> decoder.decode(assertion(service)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("REVOKED");
    }

    @Test
    void knowsAChainOnlyForTheClientItWasAcceptedFor() {
        Issued certificate = PKI.serviceClient("test-service").issue();
        assertions
                .createDecoder(client("test-service"))
                .decode(assertion(
                        new ServiceCredentials("test-service", certificate.privateKey(), certificate.chain())));

        ServiceCredentials claimedByAnother =
                new ServiceCredentials("other-service", certificate.privateKey(), certificate.chain());
        assertThatThrownBy(
                        () -> assertions.createDecoder(client("other-service")).decode(assertion(claimedByAnother)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("not other-service's");
    }

    @Test
    void refusesAKnownChainOnceACertificateHasExpired() {
        Issued shortLived = PKI.serviceClient("test-service").issue();
        ServiceCredentials service =
                new ServiceCredentials("test-service", shortLived.privateKey(), shortLived.chain());
        JwtDecoder decoder = assertions.createDecoder(client("test-service"));
        decoder.decode(assertion(service));

        clock.set(shortLived.certificate().getNotAfter().toInstant().plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(assertion(service)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("EXPIRED");
    }

    @Test
    void refusesAnAssertionSignedWithAnotherKeyEvenWithAKnownChain() throws Exception {
        Issued certificate = PKI.serviceClient("test-service").issue();
        JwtDecoder decoder = assertions.createDecoder(client("test-service"));
        decoder.decode(
                assertion(new ServiceCredentials("test-service", certificate.privateKey(), certificate.chain())));

        ServiceCredentials forged =
                new ServiceCredentials("test-service", TestPki.rsa(2048).getPrivate(), certificate.chain());
        assertThatThrownBy(() -> decoder.decode(assertion(forged)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("signature");
    }

    /**
     * The certificate claims the service-client policy, but the CA above it may issue resident cards only: the PKIX
     * valid-policy tree holds no policy at the certificate, so it is no service-client certificate.
     */
    @Test
    void refusesAServiceCertificateWhoseCaDoesNotAllowTheServiceClientPolicy() {
        Issued residentsCa = TestPki.certificate("C=JP, O=sscard test CA, CN=Residents Only Issuing")
                .issuedBy(PKI.root())
                .ca(0)
                .policies(TestPki.RESIDENT_POLICY)
                .issue();
        ServiceCredentials service =
                credentials("test-service", PKI.serviceClient("test-service").issuedBy(residentsCa));

        assertThatThrownBy(
                        () -> assertions.createDecoder(client("test-service")).decode(assertion(service)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("does not vouch for the service-client policy");
    }

    private static ServiceCredentials credentials(String clientId, CertificateBuilder builder) {
        Issued certificate = builder.issue();
        return new ServiceCredentials(clientId, certificate.privateKey(), certificate.chain());
    }

    private String assertion(ServiceCredentials credentials) {
        return ClientAssertions.create(credentials, TOKEN_ENDPOINT, clock.instant());
    }

    private static RegisteredClient client(String clientId) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
    }
}
