package org.sscard.auth.client;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.LoggingRevocationAudit;
import org.sscard.auth.certificate.PlatformRoots;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.revocation.RevocationChecker;
import org.sscard.common.tls.PlatformTrust;

/**
 * How clients of the token endpoint authenticate: {@code private_key_jwt} with a service-client certificate of the
 * platform CA (card-issuer profile {@code service-client}). Revocation always fails closed here: a service is not a
 * person at a kiosk, and a revoked service key must stop working at once.
 */
@Configuration
class ServiceClientConfig {

    /** The card-issuer's service-client certificate policy (profiles.yml). */
    static final String SERVICE_CLIENT_POLICY = "2.25.282948580063040574886034106954584755375.2.2";

    @Bean
    JwtDecoderFactory<RegisteredClient> clientAssertionDecoders(
            @Value("${sscard.data-dir}") Path dataDir, RevocationChecker revocation, JdbcClient jdbc, Clock clock) {
        CertificatePathValidator validator = new CertificatePathValidator(
                PlatformRoots.read(PlatformTrust.caRoot(dataDir)),
                ValidationPolicy.strict().withFailOpen(false),
                revocation,
                new LoggingRevocationAudit());
        return new CertificateClientAssertions(validator, new AssertionReplayCache(jdbc, clock), clock);
    }
}
