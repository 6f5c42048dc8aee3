package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.core.context.SecurityContextHolder;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.common.operator.Operator;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.ServiceTokens;
import org.sscard.common.token.TokenProperties;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaKeyStore;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.ca.CertificateMinter;
import org.sscard.issuer.ca.Pkcs11CaKeyStore;
import org.sscard.issuer.ca.Pkcs12CaKeyStore;
import org.sscard.issuer.profile.ProfileProperties;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;

/** Wires the CA: its key store (PKCS#12 file or PKCS#11 HSM), the hierarchy, and the relay client. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(TokenProperties.class)
class IssuerConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PersonalIdFormat personalIdFormat() {
        return PersonalIdFormat.standard();
    }

    @Bean
    CaKeyStore caKeyStore(CaProperties ca, IssuerProperties issuer) {
        Path caDir = issuer.dataDir().resolve("ca");
        return switch (ca.keyStore()) {
            case PKCS12 -> new Pkcs12CaKeyStore(caDir.resolve("ca.p12"), CaSecrets.passphrase(caDir));
            case PKCS11 -> new Pkcs11CaKeyStore(ca.pkcs11());
        };
    }

    @Bean
    CertificateMinter certificateMinter(CaKeyStore keyStore) {
        return new CertificateMinter(keyStore);
    }

    /** Created after Flyway, so that certificates made on first start are recorded in the CA's register. */
    @Bean
    @DependsOn("flywayInitializer")
    CaHierarchy caHierarchy(
            CaKeyStore keyStore,
            CertificateMinter minter,
            CaProperties ca,
            ProfileProperties profiles,
            CertificateRecords records,
            Clock clock) {
        CaHierarchy hierarchy = new CaHierarchy(keyStore, minter, ca, clock);
        CaRecords.recordCreated(hierarchy, hierarchy.initialise(profiles.require("ocsp-signer")), records);
        return hierarchy;
    }

    /**
     * The issuer's own calls (to the relay) carry client-credentials tokens from auth-service, asked for with the
     * service-client certificate this CA issued itself at first start.
     */
    @Bean
    ServiceTokens serviceTokens(TokenProperties tokens, IssuerProperties issuer, Clock clock) {
        return new ServiceTokenClient(
                tokens.tokenUri(),
                () -> ServiceCredentials.read(ServiceCredentials.directory(issuer.dataDir()), tokens.clientId()),
                () -> platformTrust(issuer),
                clock);
    }

    /** Relay calls made while serving an operator's request name the operator (the request's security context). */
    @Bean
    RelayClient relayClient(IssuerProperties issuer, ServiceTokens tokens, ObjectMapper json) {
        return new RelayClient(
                issuer.relayUrl(),
                tokens,
                json,
                () -> platformTrust(issuer),
                () -> Operator.of(SecurityContextHolder.getContext().getAuthentication())
                        .map(Operator::actor));
    }

    /** The relay's and auth-service's certificates come from this CA: its root, written at first start. */
    private static javax.net.ssl.SSLContext platformTrust(IssuerProperties issuer) {
        return PlatformTrust.sslContext(PlatformTrust.caRoot(issuer.dataDir()));
    }

    /** The PKCS#12 passphrase: SSCARD_CA_PASSPHRASE, or generated once into the data directory (owner-only). */
    static final class CaSecrets {

        private CaSecrets() {}

        static char[] passphrase(Path caDir) {
            String fromEnvironment = System.getenv("SSCARD_CA_PASSPHRASE");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return fromEnvironment.toCharArray();
            }
            try {
                java.nio.file.Files.createDirectories(caDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new GeneratedSecrets(caDir.getParent(), "ca")
                    .getOrCreate("ca-passphrase")
                    .toCharArray();
        }
    }
}
