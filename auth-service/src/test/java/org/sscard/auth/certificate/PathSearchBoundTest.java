package org.sscard.auth.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.assertRejected;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.ca;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.crls;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.leaf;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.validator;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sscard.auth.certificate.revocation.RevocationStatus;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The path search is bounded by construction, whatever is offered: the card login, the token endpoint and
 * {@code sscard-verify} all search through this validator. The timeouts only guard against a hang; the bound itself
 * is asserted on the number of partial paths the search visited.
 */
class PathSearchBoundTest {

    static final Instant NOW = CertificatePathValidatorTest.NOW;
    static KeyPair attackerKeys;

    @BeforeAll
    static void pki() throws Exception {
        CertificatePathValidatorTest.pki();
        attackerKeys = TestPki.rsa(2048);
    }

    /**
     * An attacker's own key signs a leaf and nine self-issued "CA" certificates sharing one name, each of which
     * verifies every other: unbounded, the search would visit every ordering of them (some 10^6 partial paths, each
     * verifying up to nine signatures), and none reaches an anchor.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stopsThePathSearchAtItsNodeBoundAmongSelfIssuedCertificatesSharingOneName() {
        List<X509Certificate> lookAlikes = selfIssued("CN=Look-alike CA", 9);
        X509Certificate client = TestPki.certificate("CN=Client")
                .issuedBy(new Issued(lookAlikes.get(0), attackerKeys, List.of(lookAlikes.get(0))))
                .issue()
                .certificate();
        AtomicInteger revocationChecks = new AtomicInteger();
        var validator = validator(subject -> {
            revocationChecks.incrementAndGet();
            return new RevocationStatus.Good("test");
        });

        ValidationResult result = validator.validate(client, lookAlikes, NOW);

        assertRejected(result, RejectReason.PATH_SEARCH_LIMIT);
        assertThat(result.pathNodesVisited())
                .isPositive()
                .isLessThanOrEqualTo(CertificatePathValidator.MAX_SEARCH_NODES);
        assertThat(revocationChecks).hasValue(0);
    }

    @Test
    void refusesALeafThatNoCertificateNamedAsItsIssuerSignedBeforeAnySearch() {
        X509Certificate forged = TestPki.certificate("CN=Forged Client")
                .issuedBy(new Issued(ca.certificate(), attackerKeys, List.of(ca.certificate())))
                .issue()
                .certificate(); // names the real CA as its issuer, but the attacker signed it

        ValidationResult result = validator(crls(Map.of())).validate(forged, List.of(ca.certificate()), NOW);

        assertRejected(result, RejectReason.BAD_SIGNATURE);
        assertThat(result.pathNodesVisited()).isZero();
    }

    @Test
    void refusesMoreOfferedCertificatesThanItSearchesThrough() {
        List<X509Certificate> offered = new ArrayList<>(selfIssued("CN=Padding CA", 16));
        offered.add(ca.certificate());

        ValidationResult result =
                validator(crls(Map.of())).validate(leaf().issue().certificate(), offered, NOW);

        assertRejected(result, RejectReason.PATH_SEARCH_LIMIT);
        assertThat(result.pathNodesVisited()).isZero();
    }

    @Test
    void acceptsARealPathAfterVisitingOnlyItsOwnCertificates() {
        ValidationResult result =
                validator(crls(Map.of())).validate(leaf().issue().certificate(), List.of(ca.certificate()), NOW);

        assertThat(result.accepted()).as(result.describe()).isTrue();
        assertThat(result.pathNodesVisited()).isEqualTo(2);
    }

    /** {@code count} CA certificates of one name and the attacker's one key, each verifying with every other's key. */
    static List<X509Certificate> selfIssued(String name, int count) {
        Issued first = TestPki.certificate(name).keys(attackerKeys).ca().issue();
        List<X509Certificate> certificates = new ArrayList<>(List.of(first.certificate()));
        while (certificates.size() < count) {
            certificates.add(TestPki.certificate(name)
                    .keys(attackerKeys)
                    .ca()
                    .issuedBy(first)
                    .issue()
                    .certificate());
        }
        return certificates;
    }
}
