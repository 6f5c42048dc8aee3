package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayProvider;

/** The SP is whatever the relay's registry says now: metadata parsed once is never served after it changed. */
class SpDirectoryTest {

    private final AtomicReference<RelayProvider> registry = new AtomicReference<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final SpDirectory directory = new SpDirectory(
            new RelayDirectory(
                    URI.create("http://relay.invalid"), audience -> "unused", new ObjectMapper(), () -> null) {
                @Override
                public Optional<RelayProvider> provider(String providerKey) {
                    asked.incrementAndGet();
                    return Optional.ofNullable(registry.get());
                }
            });

    @Test
    void asksTheRelayEveryTimeAndServesTheMetadataItHasNow() throws Exception {
        TestSp before = new TestSp("sp-directory-test");
        registry.set(entry(before));
        assertThat(directory.byProviderKey(before.key).orElseThrow().signingCertificates())
                .containsExactly(before.credential.getEntityCertificate());
        assertThat(directory.byProviderKey(before.key).orElseThrow().signingCertificates())
                .containsExactly(before.credential.getEntityCertificate());

        TestSp rotated = new TestSp("sp-directory-test"); // the same SP with a new signing key
        registry.set(entry(rotated));
        assertThat(directory.byProviderKey(rotated.key).orElseThrow().signingCertificates())
                .containsExactly(rotated.credential.getEntityCertificate());

        registry.set(new RelayProvider(rotated.key, "SAML", "LOCAL_NUMBER", rotated.entityId, rotated.acsUrl, null));
        assertThat(directory.byProviderKey(rotated.key))
                .as("metadata withdrawn")
                .isEmpty();
        assertThat(asked.get()).isEqualTo(4);
    }

    private static RelayProvider entry(TestSp sp) {
        return new RelayProvider(sp.key, "SAML", "LOCAL_NUMBER", sp.entityId, sp.acsUrl, sp.metadata());
    }
}
