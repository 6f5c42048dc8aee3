package org.sscard.auth.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.assertRejected;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.closedPortUrl;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.GivenCrls;
import org.sscard.auth.certificate.revocation.HttpCrlSource;
import org.sscard.auth.certificate.revocation.OcspRevocationChecker;
import org.sscard.auth.certificate.revocation.OcspThenCrl;
import org.sscard.auth.certificate.revocation.RevocationChecker;
import org.sscard.auth.certificate.revocation.RevocationStatus;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.RevocationServer;
import org.sscard.testsupport.pki.TestPki;

/** OCSP first, CRL fallback, fail closed: against a loopback OCSP responder and a CRL address nobody serves. */
class OcspRevocationTest {

    static Issued root;
    static Issued ca;
    static String deadCrlUrl;

    RevocationServer responder;
    Issued leaf;
    final List<String> audited = new ArrayList<>();

    @BeforeAll
    static void pki() throws Exception {
        CertificatePathValidatorTest.pki();
        root = CertificatePathValidatorTest.root;
        deadCrlUrl = closedPortUrl("/crl/issuing.crl");
    }

    @BeforeEach
    void responder() throws Exception {
        // the issuing CA names the responder too, so that its own status is asked by OCSP first; the responder
        // knows CAs by their keys, so it can be started before the CA certificate carrying its URL is issued
        responder =
                RevocationServer.start().authority("root", root).authority("issuing", CertificatePathValidatorTest.ca);
        ca = TestPki.certificate("CN=Test Issuing CA")
                .keys(CertificatePathValidatorTest.caKeys)
                .ca()
                .issuedBy(root)
                .ocsp(responder.ocspUrl())
                .crl(deadCrlUrl)
                .issue();
        leaf = TestPki.certificate("CN=Resident")
                .keys(CertificatePathValidatorTest.leafKeys)
                .issuedBy(ca)
                .ocsp(responder.ocspUrl())
                .crl(deadCrlUrl)
                .issue();
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    @Test
    void acceptsCertificateGoodPerOcspAndCachesTheAnswer() {
        RevocationChecker revocation = ocspThenHttpCrl();
        assertThat(validate(revocation, ValidationPolicy.strict()).accepted()).isTrue();
        int asked = responder.ocspRequests();
        assertThat(validate(revocation, ValidationPolicy.strict()).accepted()).isTrue();
        assertThat(responder.ocspRequests())
                .as("answered from the cache within nextUpdate")
                .isEqualTo(asked);
    }

    @Test
    void rejectsCertificateRevokedPerOcsp() {
        responder.revokeInOcsp(leaf.certificate().getSerialNumber(), CRLReason.keyCompromise);
        ValidationResult result = validate(ocspThenHttpCrl(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOKED);
        assertThat(result.detail()).contains("OCSP");
    }

    @Test
    void rejectsWhenOcspAndCrlAreUnreachable() throws Exception {
        responder.close(); // nothing answers on either address now
        ValidationResult result = validate(ocspThenHttpCrl(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(audited).isEmpty();
    }

    @Test
    void failOpenRelyingPartyAcceptsUnreachableRevocationAndAuditsIt() {
        responder.close();
        ValidationResult result =
                validate(ocspThenHttpCrl(), ValidationPolicy.strict().withFailOpen(true));
        assertThat(result.accepted()).isTrue();
        assertThat(audited).hasSize(2).allMatch(event -> event.contains("OCSP and CRL"));
    }

    @Test
    void doesNotTrustOcspResponseFromUnauthorisedResponder() throws Exception {
        // a certificate of the right CA, but not for OCSPSigning: it may not speak for the CA
        responder.signOcspWith(TestPki.certificate("CN=Not A Responder")
                .keys(CertificatePathValidatorTest.leafKeys)
                .issuedBy(ca)
                .issue());
        ValidationResult result = validate(ocspThenHttpCrl(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(result.detail()).contains("untrusted response");
    }

    @Test
    void fallsBackToCrlWhenOcspResponderIsUnauthorised() throws Exception {
        var rogueRoot = TestPki.certificate("CN=Rogue Root")
                .keys(CertificatePathValidatorTest.rootKeys)
                .ca()
                .issue();
        responder.signOcspWith(TestPki.certificate("CN=Rogue Responder")
                .keys(CertificatePathValidatorTest.leafKeys)
                .issuedBy(rogueRoot)
                .ocspSigning()
                .issue()); // says "good" for everything
        RevocationChecker crlSaysRevoked = new CrlRevocationChecker(new GivenCrls(List.of(
                TestPki.crl(root, Instant.now(), Map.of()),
                TestPki.crl(
                        ca, Instant.now(), Map.of(leaf.certificate().getSerialNumber(), CRLReason.keyCompromise)))));
        RevocationChecker revocation =
                new OcspThenCrl(new OcspRevocationChecker(Duration.ofSeconds(2)), crlSaysRevoked);
        ValidationResult result = validate(revocation, ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOKED);
        assertThat(result.detail()).contains("CRL");
    }

    @Test
    void acceptsDelegatedResponderIssuedForOcspSigning() throws Exception {
        responder.signOcspWith(TestPki.certificate("CN=Issuing CA OCSP")
                .keys(CertificatePathValidatorTest.leafKeys)
                .issuedBy(ca)
                .ocspSigning()
                .issue());
        var revocation = new OcspRevocationChecker(Duration.ofSeconds(2));
        // the CA's own status is answered by the same delegated signer, which the root did not issue: so ask the
        // leaf only, through a path whose CA status is known good
        var onlyLeafByOcsp =
                (RevocationChecker) subject -> subject.certificate().equals(leaf.certificate())
                        ? revocation.check(subject)
                        : new RevocationStatus.Good("test");
        assertThat(validate(onlyLeafByOcsp, ValidationPolicy.strict()).accepted())
                .isTrue();
    }

    @Test
    void doesNotTrustAnOcspResponseSignedWithSha1() {
        responder.signOcspWithAlgorithm("SHA1withRSA"); // by the CA itself: only the algorithm is wrong
        ValidationResult result = validate(ocspThenHttpCrl(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(result.detail()).contains("SHA1WITHRSA signature in the response, below the algorithm floor");
    }

    @Test
    void doesNotTrustADelegatedResponderWithAnRsa1024Key() {
        responder.signOcspWith(TestPki.certificate("CN=Issuing CA OCSP")
                .rsa1024()
                .issuedBy(ca)
                .ocspSigning()
                .issue());
        ValidationResult result = validate(onlyLeafByOcsp(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(result.detail()).contains("RSA-1024 key in the responder");
    }

    @Test
    void doesNotTrustADelegatedResponderCertificateSignedWithSha1() {
        responder.signOcspWith(TestPki.certificate("CN=Issuing CA OCSP")
                .keys(CertificatePathValidatorTest.leafKeys)
                .issuedBy(ca)
                .signedWithSha1()
                .ocspSigning()
                .issue());
        ValidationResult result = validate(onlyLeafByOcsp(), ValidationPolicy.strict());
        assertRejected(result, RejectReason.REVOCATION_UNKNOWN);
        assertThat(result.detail()).contains("signature in the responder certificate");
    }

    /** OCSP for the leaf only (the CA's own status known good), as {@link #acceptsDelegatedResponderIssuedForOcspSigning}. */
    private RevocationChecker onlyLeafByOcsp() {
        var revocation = new OcspRevocationChecker(Duration.ofSeconds(2));
        return subject -> subject.certificate().equals(leaf.certificate())
                ? new OcspThenCrl(revocation, new CrlRevocationChecker(new GivenCrls(List.of()))).check(subject)
                : new RevocationStatus.Good("test");
    }

    private RevocationChecker ocspThenHttpCrl() {
        return new OcspThenCrl(
                new OcspRevocationChecker(Duration.ofSeconds(2)),
                new CrlRevocationChecker(new HttpCrlSource(Duration.ofSeconds(2))));
    }

    private ValidationResult validate(RevocationChecker revocation, ValidationPolicy policy) {
        RevocationAudit audit = (X509Certificate cert, String why) ->
                audited.add(cert.getSubjectX500Principal().getName() + ": " + why);
        return new CertificatePathValidator(List.of(root.certificate()), policy, revocation, audit)
                .validate(leaf.certificate(), List.of(ca.certificate()), Instant.now());
    }
}
