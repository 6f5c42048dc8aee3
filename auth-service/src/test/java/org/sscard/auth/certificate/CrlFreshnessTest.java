package org.sscard.auth.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.assertRejected;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.HttpCrlSource;
import org.sscard.auth.certificate.revocation.OcspRevocationChecker;
import org.sscard.auth.certificate.revocation.OcspThenCrl;
import org.sscard.auth.certificate.revocation.RevocationChecker;
import org.sscard.testsupport.MovableClock;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The CRL fallback while OCSP is down, as auth-service wires it: the CRL is fetched anew whenever OCSP fails, never
 * goes back to a lower CRL number, and is not used beyond its maximum age however far its nextUpdate is.
 */
class CrlFreshnessTest {

    static final Duration MAX_AGE = Duration.ofHours(2);

    final TestPki pki = TestPki.create();
    final MovableClock clock = new MovableClock(Instant.now());
    final CertificatePathValidator validator = new CertificatePathValidator(
            List.of(pki.root().certificate()), ValidationPolicy.strict(), revocation(), new LoggingRevocationAudit());

    @AfterEach
    void stop() {
        pki.close();
    }

    @Test
    void fetchesTheCrlAnewWhenOcspFailsAndSeesARevocationSinceTheCachedOne() {
        Issued card =
                pki.residentCard(RelayFixture.newPersonalId()).ocspUnreachable().issue();
        assertThat(validate(card).accepted()).isTrue();

        pki.revokeInCrl(card.certificate(), CRLReason.keyCompromise);

        assertRejected(validate(card), RejectReason.REVOKED);
    }

    @Test
    void neverGoesBackToACrlWithALowerNumber() {
        Issued card =
                pki.residentCard(RelayFixture.newPersonalId()).ocspUnreachable().issue();
        pki.revokeInCrl(card.certificate(), CRLReason.keyCompromise);
        assertRejected(validate(card), RejectReason.REVOKED);

        // an earlier CRL of the same CA, which did not list the card yet, replayed at its distribution point
        pki.revocation()
                .serveCrl("issuing", TestPki.crl(pki.issuing(), Instant.now(), MAX_AGE, BigInteger.ONE, Map.of()));

        assertRejected(validate(card), RejectReason.REVOKED);
    }

    @Test
    void refusesAsUnknownACrlOlderThanTheMaximumAgeThoughItsNextUpdateIsHoursAway() {
        Instant issued = clock.instant();
        pki.revocation().issueCrlsAsOf(issued, Duration.ofHours(24));
        Issued card =
                pki.residentCard(RelayFixture.newPersonalId()).ocspUnreachable().issue();
        assertThat(validate(card).accepted()).isTrue();

        clock.set(issued.plus(MAX_AGE).plusSeconds(61)); // thisUpdate is a minute before issued
        ValidationResult result = validate(card);

        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(result.detail()).contains("no CRL issued within PT2H");
    }

    private ValidationResult validate(Issued card) {
        return validator.validate(card.certificate(), List.of(pki.issuing().certificate()), clock.instant());
    }

    private static RevocationChecker revocation() {
        return new OcspThenCrl(
                new OcspRevocationChecker(Duration.ofSeconds(2)),
                new CrlRevocationChecker(new HttpCrlSource(Duration.ofSeconds(2), MAX_AGE), MAX_AGE));
    }
}
