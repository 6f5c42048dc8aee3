package org.sscard.auth.login;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.PlatformRoots;
import org.sscard.auth.certificate.RevocationAudit;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.HttpCrlSource;
import org.sscard.auth.certificate.revocation.OcspRevocationChecker;
import org.sscard.auth.certificate.revocation.OcspThenCrl;
import org.sscard.auth.certificate.revocation.RevocationChecker;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.common.tls.PlatformTrust;

@Configuration
@EnableConfigurationProperties(CardLoginProperties.class)
class CardLoginConfig {

    /**
     * One instance for every login and client assertion: the OCSP answers and CRLs it caches are then shared until
     * their nextUpdate (a CRL at most {@code crl-max-age} after its thisUpdate, and fetched anew whenever OCSP fails).
     */
    @Bean
    RevocationChecker cardRevocationChecker(CardLoginProperties properties) {
        return new OcspThenCrl(
                new OcspRevocationChecker(properties.revocationTimeout()),
                new CrlRevocationChecker(
                        new HttpCrlSource(properties.revocationTimeout(), properties.crlMaxAge()),
                        properties.crlMaxAge()));
    }

    @Bean
    RevocationAudit cardRevocationAudit(LoginAuditTable table) {
        return new CardRevocationAudit(table);
    }

    @Bean
    CertificatePathValidator cardPathValidator(
            @Value("${sscard.data-dir}") Path dataDir,
            CardLoginProperties properties,
            RevocationChecker revocation,
            RevocationAudit audit) {
        return new CertificatePathValidator(
                PlatformRoots.read(PlatformTrust.caRoot(dataDir)),
                ValidationPolicy.strict().withFailOpen(properties.revocationFailOpen()),
                revocation,
                audit);
    }

    @Bean
    CardCertificateCheck cardCertificateCheck(CertificatePathValidator cardPathValidator, Clock clock) {
        return new ValidatedCardCertificateCheck(cardPathValidator, clock);
    }

    @Bean
    LoginRateLimiter loginRateLimiter(CardLoginProperties properties, Clock clock) {
        return new LoginRateLimiter(
                properties.rateLimit().capacity(), properties.rateLimit().refillPerMinute(), clock);
    }

    @Bean
    PersonalIdFormat personalIdFormat() {
        return PersonalIdFormat.standard();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
