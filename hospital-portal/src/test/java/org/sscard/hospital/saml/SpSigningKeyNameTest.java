package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sscard.hospital.config.HospitalProperties;

/** The SP's signing key does not depend on how long its host name, and so its entity ID, is. */
class SpSigningKeyNameTest {

    @Test
    void makesItsSigningKeyForAnEntityIdLongerThanACommonNameMayBe() throws Exception {
        HospitalProperties properties = new HospitalProperties(
                "kameda-hospital",
                URI.create("https://hospital.localhost:28585"),
                Set.of(),
                new HospitalProperties.Saml(
                        "file:idp-metadata.xml",
                        HospitalProperties.KeyStore.MEMORY,
                        Duration.ofMinutes(2),
                        Duration.ofHours(1)),
                new HospitalProperties.Relay(URI.create("https://relay.localhost:8081"), false),
                null,
                Set.of());
        assertThat(properties.entityId()).hasSizeGreaterThan(64); // RFC 5280's upper bound for a common name

        SpSigningKey key = new SamlConfig().spSigningKey(properties, null);

        assertThat(key.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=" + SamlConfig.SIGNING_KEY_NAME);
        key.certificate().verify(key.certificate().getPublicKey());
    }
}
