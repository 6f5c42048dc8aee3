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

    @Bean
    SpSigningKey spSigningKey(HospitalProperties properties, DataDirectory dataDirectory) {
        return properties.saml().signingKey() == HospitalProperties.KeyStore.MEMORY
                ? SpSigningKey.inMemory(properties.entityId())
                : SpSigningKey.fromDirectory(
                        dataDirectory.dataDir().resolve("secrets").resolve("hospital"), properties.entityId());
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
