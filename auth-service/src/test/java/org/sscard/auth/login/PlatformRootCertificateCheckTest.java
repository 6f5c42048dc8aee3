package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.RelayFixture;
import org.sscard.auth.support.TestPki;

/** The interim path check: the platform root only, JDK PKIX, no revocation (the full validator replaces it). */
class PlatformRootCertificateCheckTest {

    private static final TestPki PKI = TestPki.platform();

    @Test
    void acceptsCardIssuedUnderThePlatformRoot() throws Exception {
        assertThat(check(Clock.systemUTC()).check(card(PKI).chain()).accepted()).isTrue();
    }

    @Test
    void rejectsCardFromAnotherCaAsUntrustedIssuer() throws Exception {
        assertThat(check(Clock.systemUTC()).check(card(TestPki.other()).chain()))
                .isEqualTo(CardCertificateCheck.Verdict.reject("UNTRUSTED_ISSUER"));
    }

    @Test
    void rejectsExpiredCard() throws Exception {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        assertThat(check(later).check(card(PKI).chain())).isEqualTo(CardCertificateCheck.Verdict.reject("EXPIRED"));
    }

    @Test
    void rejectsEmptyChain() throws Exception {
        assertThat(check(Clock.systemUTC()).check(java.util.List.of()).accepted()).isFalse();
    }

    private static PlatformRootCertificateCheck check(Clock clock) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", PKI.root());
        return new PlatformRootCertificateCheck(anchors, clock);
    }

    private static Card card(TestPki pki) {
        return pki.card("SERIALNUMBER=" + RelayFixture.newPersonalId()).policy(TestPki.RESIDENT_POLICY).issue();
    }
}
