package org.sscard.auth.login;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
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

    /**
     * The reception desk's patient-card check: its own validator on the same root, revocation checker and audit as
     * the login's, but always fail closed. The card arrives alone (no handshake presents a chain), so the platform's
     * issuing CA is taken from auth-service's own TLS chain, which the card issuer signs with the same CA.
     */
    @Bean
    PatientCardCheck patientCardCheck(
            @Value("${sscard.data-dir}") Path dataDir,
            CardLoginProperties properties,
            SslBundles bundles,
            RevocationChecker revocation,
            RevocationAudit audit,
            CardProfileCheck profiles,
            Clock clock) {
        CertificatePathValidator failClosed = new CertificatePathValidator(
                PlatformRoots.read(PlatformTrust.caRoot(dataDir)),
                ValidationPolicy.strict().withFailOpen(false),
                revocation,
                audit);
        return new PatientCardCheck(
                new ValidatedCardCertificateCheck(failClosed, clock),
                caCertificates(
                        bundles.getBundle(properties.sslBundle()).getStores().getKeyStore()),
                profiles);
    }

    /** The CA certificates in the key store's certificate chains (the issuing CA of auth-service's TLS chain). */
    static List<X509Certificate> caCertificates(KeyStore store) {
        try {
            List<X509Certificate> cas = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
                    if (certificate instanceof X509Certificate x509
                            && x509.getBasicConstraints() >= 0
                            && !cas.contains(x509)) {
                        cas.add(x509);
                    }
                }
            }
            return cas;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read auth-service's TLS chain", e);
        }
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
