package org.sscard.auth.saml;

import java.nio.file.Path;
import java.time.Clock;
import org.opensaml.security.x509.BasicX509Credential;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.common.tls.PlatformTrust;

/** The SAML IdP's parts: its key, its metadata, the SPs from the relay, the request checks and the responses. */
@Configuration
@EnableConfigurationProperties(SamlProperties.class)
class SamlConfig {

    /** At most this many AuthnRequest IDs remembered, and this many requests waiting for a card login. */
    private static final int CAPACITY = 100_000;

    @Bean
    BasicX509Credential samlSigningCredential(SamlProperties properties, @Value("${sscard.data-dir}") Path dataDir) {
        return IdpSigningKey.credential(
                properties.signingKey(),
                dataDir.resolve("secrets").resolve("auth").resolve("saml-idp-signing.pem"),
                properties.entityId());
    }

    @Bean
    MetadataController.IdpMetadataXml samlIdpMetadata(SamlProperties properties, BasicX509Credential credential) {
        return new MetadataController.IdpMetadataXml(IdpMetadata.xml(properties, credential));
    }

    @Bean
    SpDirectory samlServiceProviders(RelayDirectory relay) {
        return new SpDirectory(relay);
    }

    @Bean
    AuthnRequestCheck authnRequestCheck(SpDirectory sps, SamlProperties properties, Clock clock) {
        return new AuthnRequestCheck(sps, new ExpiringStore<>(CAPACITY, clock), properties, clock);
    }

    @Bean
    ExpiringStore<CheckedRequest> parkedAuthnRequests(Clock clock) {
        return new ExpiringStore<>(CAPACITY, clock);
    }

    @Bean
    ExpiringStore<Boolean> seenLogoutRequests(Clock clock) {
        return new ExpiringStore<>(CAPACITY, clock);
    }

    @Bean
    SingleLogout singleLogout(
            SpDirectory sps,
            SamlProperties properties,
            BasicX509Credential credential,
            @Value("${sscard.data-dir}") Path dataDir,
            Clock clock) {
        return new SingleLogout(
                sps,
                properties,
                new XmlSigner(credential),
                () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDir)),
                clock);
    }

    @Bean
    AssertionRelease assertionRelease(
            RelayDirectory relay, SamlProperties properties, BasicX509Credential credential, Clock clock) {
        return new AssertionRelease(relay, new SignedResponses(properties, new XmlSigner(credential), clock));
    }
}
