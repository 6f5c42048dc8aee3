package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sscard.hospital.config.HospitalProperties;
import org.sscard.hospital.support.TestIdp;

/** Without readable IdP metadata there is no registration, hence no login: the SP trusts nobody rather than guess. */
class IdpMetadataFailClosedTest {

    private static final HospitalProperties PROPERTIES = new HospitalProperties(
            "kameda-hospital", URI.create("https://hospital.test"), Set.of(), null, null, null, null);
    private static final SpSigningKey KEY = SpSigningKey.inMemory("test");

    @Test
    void noRegistrationWhileTheMetadataFileIsMissing() {
        assertThat(registrations("file:///nonexistent/idp-metadata.xml").findByRegistrationId("sscard"))
                .isNull();
    }

    @Test
    void noRegistrationFromPlainHttp() {
        assertThat(registrations("http://127.0.0.1:9/saml/idp/metadata").findByRegistrationId("sscard"))
                .isNull();
    }

    @Test
    void noRegistrationFromMetadataWithoutASigningCertificate() throws Exception {
        Path file = Files.createTempFile("idp", ".xml");
        Files.writeString(
                file,
                TestIdp.metadata(TestIdp.ENTITY_ID, new TestIdp().certificate())
                        .replaceAll("(?s)<md:KeyDescriptor.*?</md:KeyDescriptor>", ""));
        assertThat(registrations(file.toUri().toString()).findByRegistrationId("sscard"))
                .isNull();
    }

    @Test
    void aRegistrationFromGoodMetadataAndOnlyForItsOwnId() {
        PlatformIdpRegistrations registrations =
                registrations(new TestIdp().metadataFile().toUri().toString());
        assertThat(registrations
                        .findByRegistrationId("sscard")
                        .getAssertingPartyMetadata()
                        .getEntityId())
                .isEqualTo(TestIdp.ENTITY_ID);
        assertThat(registrations.findByRegistrationId("other")).isNull();
    }

    private static PlatformIdpRegistrations registrations(String location) {
        return new PlatformIdpRegistrations(
                PROPERTIES,
                KEY,
                new IdpMetadataSource(
                        location,
                        () -> {
                            throw new AssertionError("no TLS expected");
                        },
                        Duration.ofHours(1),
                        Clock.systemUTC()));
    }
}
