package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sscard.auth.certificate.ValidatedPath;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/** What a remembered chain is found for: the same client, the same bytes, inside its time. */
class ValidatedChainsTest {

    private static final TestPki PKI = TestPki.create();
    private final Issued card = PKI.serviceClient("test-service").issue();
    private final Instant validatedAt = Instant.now();
    private final List<Base64> x5c = x5c(card.chain());
    private final ValidatedChains chains = new ValidatedChains();

    @Test
    void findsTheSameChainForTheSameClientUntilItsMaximumAge() {
        remember();

        assertThat(chains.find("test-service", x5c, validatedAt.plusSeconds(1)))
                .get()
                .extracting(ValidatedChains.Chain::certificate)
                .isEqualTo(card.certificate());
        assertThat(chains.find("test-service", x5c, validatedAt.plus(ValidatedChains.MAX_AGE)))
                .isEmpty();
        assertThat(chains.find("test-service", x5c, validatedAt.plusSeconds(1)))
                .as("gone once expired")
                .isEmpty();
    }

    @Test
    void findsNothingForAnotherClientOtherBytesOrAnEarlierTime() {
        remember();

        assertThat(chains.find("other-service", x5c, validatedAt)).isEmpty();
        assertThat(chains.find("test-service", x5c.subList(0, 1), validatedAt)).isEmpty();
        Issued other = PKI.serviceClient("test-service").issue();
        assertThat(chains.find("test-service", x5c(other.chain()), validatedAt)).isEmpty();
        assertThat(chains.find("test-service", x5c, validatedAt.minusSeconds(1)))
                .isEmpty();
        assertThat(chains.find("test-service", x5c, validatedAt)).isPresent();
    }

    @Test
    void neverOutlivesTheFirstNotAfterInThePath() {
        Instant firstNotAfter = card.chain().stream()
                .map(c -> c.getNotAfter().toInstant())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant shortlyBefore = firstNotAfter.minusSeconds(60);
        ValidatedPath path =
                new ValidatedPath(card.chain(), new TrustAnchor(PKI.root().certificate(), null), shortlyBefore);
        chains.remember("test-service", x5c, card.certificate(), card.chain().subList(1, 2), path);

        assertThat(chains.find("test-service", x5c, firstNotAfter.minusSeconds(1)))
                .isPresent();
        assertThat(chains.find("test-service", x5c, firstNotAfter)).isEmpty();
    }

    private void remember() {
        ValidatedPath path =
                new ValidatedPath(card.chain(), new TrustAnchor(PKI.root().certificate(), null), validatedAt);
        chains.remember("test-service", x5c, card.certificate(), card.chain().subList(1, 2), path);
    }

    private static List<Base64> x5c(List<X509Certificate> chain) {
        return chain.stream()
                .map(c -> {
                    try {
                        return Base64.encode(c.getEncoded());
                    } catch (java.security.cert.CertificateEncodingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
