package org.sscard.hospital.saml;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.hospital.config.DataDirectory;
import org.sscard.hospital.config.HospitalProperties;

/** The SP's parts: its signing key, the trusted IdP's metadata, the registration and the Response checks. */
@Configuration
class SamlConfig {

    /**
     * The key's self-signed certificate is named by a fixed label, not by the entity ID: a URL on a longer host name
     * (e.g. {@code https://hospital.localhost:28585/saml2/service-provider-metadata/sscard}) exceeds the 64
     * characters RFC 5280 allows a common name. The metadata, not the name, binds the key to the entity ID.
     */
    static final String SIGNING_KEY_NAME = "hospital-portal SAML SP signing";

    @Bean
    SpSigningKey spSigningKey(HospitalProperties properties, DataDirectory dataDirectory) {
        return properties.saml().signingKey() == HospitalProperties.KeyStore.MEMORY
                ? SpSigningKey.inMemory(SIGNING_KEY_NAME)
                : SpSigningKey.fromDirectory(
                        dataDirectory.dataDir().resolve("secrets").resolve("hospital"), SIGNING_KEY_NAME);
    }

    @Bean
    IdpMetadataSource idpMetadataSource(HospitalProperties properties, DataDirectory dataDirectory, Clock clock) {
        return new IdpMetadataSource(
                properties.saml().idpMetadata(),
                () -> PlatformTrust.sslContext(dataDirectory.caRoot()),
                properties.saml().metadataRefresh(),
                clock);
    }

    @Bean
    RelyingPartyRegistrationRepository relyingPartyRegistrations(
            HospitalProperties properties, SpSigningKey signingKey, IdpMetadataSource idp) {
        return new PlatformIdpRegistrations(properties, signingKey, idp);
    }

    /** Named so the security configuration can take it without seeing this package's types. */
    @Bean
    AuthenticationProvider samlResponseAuthentication(ReplayCache replays, HospitalProperties properties, Clock clock) {
        return new SamlAuthentication(replays, properties.saml().clockSkew(), clock);
    }
}
