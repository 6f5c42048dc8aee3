package org.sscard.issuer.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.OcspRequests;
import org.sscard.issuer.support.PublicEndpoints;
import org.sscard.testsupport.pki.TestPki;

/** The RFC 6960 responder as a Java relying party sees it, one property per test. */
class OcspResponderTest extends IssuerApiTest {

    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    private X509Certificate issuing;
    private X509Certificate root;

    @BeforeEach
    void caCertificates() throws Exception {
        issuing = Certificates.fromPem(published().pem("/ca/issuing.pem"));
        root = Certificates.fromPem(published().pem("/ca/root.pem"));
    }

    @Test
    void postAnswersGoodAndEchoesTheNonce() throws Exception {
        BigInteger serial = OcspRequests.serial(
                newSoftCard("1234").path("certificateSerial").asText());
        byte[] nonce = OcspRequests.newNonce();

        PublicEndpoints.Answer answer = published().ocspPost(OcspRequests.request(issuing, serial, nonce));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/ocsp-response");
        BasicOCSPResp basic = OcspRequests.basic(answer.body());
        assertThat(only(basic).getCertID().getSerialNumber()).isEqualTo(serial);
        assertThat(only(basic).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(nonceOf(basic)).isEqualTo(nonce);
    }

    @Test
    void getWithTheUrlEncodedBase64RequestInThePathAnswersLikePost() throws Exception {
        // '+' and '/' in base64, which the URL encoding turns into %2B and %2F
        assertGoodOverUrlEncodedGet(base64 -> base64.contains("+") && base64.contains("/"));
    }

    @Test
    void getWithAnEncodedDoubleSlashInTheBase64AnswersLikePost() throws Exception {
        // "//" in base64 becomes %2F%2F: a few percent of the JDK's GET requests look like this
        assertGoodOverUrlEncodedGet(base64 -> base64.contains("//"));
    }

    /** A good card's request whose base64 is {@code wanted}, sent URL-encoded as GET: answered as a POST would be. */
    private void assertGoodOverUrlEncodedGet(java.util.function.Predicate<String> wanted) throws Exception {
        BigInteger serial = OcspRequests.serial(
                newSoftCard("1234").path("certificateSerial").asText());
        byte[] nonce;
        String base64;
        int tries = 0;
        do { // only the nonce varies per try
            assertThat(tries++).as("tries for a request of the wanted shape").isLessThan(20_000);
            nonce = OcspRequests.newNonce();
            base64 = Base64.getEncoder().encodeToString(OcspRequests.request(issuing, serial, nonce));
        } while (!wanted.test(base64));

        PublicEndpoints.Answer answer = published().ocspGet(URLEncoder.encode(base64, StandardCharsets.US_ASCII));

        assertThat(answer.status())
                .as(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        BasicOCSPResp basic = OcspRequests.basic(answer.body());
        assertThat(only(basic).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(nonceOf(basic)).isEqualTo(nonce);
    }

    @Test
    void getWithTheBase64LeftUnencodedIsReadToo() throws Exception {
        BigInteger serial = null;
        byte[] nonce;
        String base64;
        // a raw '+' must stay '+', not become a form-encoded space; "//" would not survive any proxy. Only the
        // nonce varies per try, so a serial whose fixed part encodes to "//" gets replaced by another card's.
        for (int attempt = 0; ; attempt++) {
            if (attempt % 50 == 0) {
                assertThat(attempt)
                        .as("tries for a request with '+' and without '//'")
                        .isLessThan(500);
                serial = OcspRequests.serial(
                        newSoftCard("1234").path("certificateSerial").asText());
            }
            nonce = OcspRequests.newNonce();
            base64 = Base64.getEncoder().encodeToString(OcspRequests.request(issuing, serial, nonce));
            if (base64.contains("+") && !base64.contains("//")) {
                break;
            }
        }

        PublicEndpoints.Answer answer = published().ocspGet(base64);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(nonceOf(OcspRequests.basic(answer.body()))).isEqualTo(nonce);
    }

    @Test
    void getWithoutANonceIsCacheableUntilNextUpdate() throws Exception {
        BigInteger serial = OcspRequests.serial(
                newSoftCard("1234").path("certificateSerial").asText());
        String path = URLEncoder.encode(
                Base64.getEncoder().encodeToString(OcspRequests.request(issuing, serial, null)),
                StandardCharsets.US_ASCII);

        PublicEndpoints.Answer answer = published().ocspGet(path);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(only(OcspRequests.basic(answer.body())).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(answer.cacheControl()).contains("max-age=");
    }

    @Test
    void everyAnswerHasThisUpdateAndALaterNextUpdate() throws Exception {
        BigInteger serial = OcspRequests.serial(
                newSoftCard("1234").path("certificateSerial").asText());
        Instant before = Instant.now();

        SingleResp single = only(OcspRequests.basic(published()
                .ocspPost(OcspRequests.request(issuing, serial, OcspRequests.newNonce()))
                .body()));

        assertThat(single.getThisUpdate()).isNotNull();
        assertThat(single.getNextUpdate()).isNotNull().isAfter(single.getThisUpdate());
        assertThat(single.getThisUpdate().toInstant()).isBetween(before.minusSeconds(60), Instant.now());
    }

    @Test
    void theResponseIsSignedByTheDelegatedOcspCertificateWhichChainsToTheIssuingCa() throws Exception {
        BigInteger serial = OcspRequests.serial(
                newSoftCard("1234").path("certificateSerial").asText());
        BasicOCSPResp basic = OcspRequests.basic(published()
                .ocspPost(OcspRequests.request(issuing, serial, OcspRequests.newNonce()))
                .body());

        X509CertificateHolder[] certificates = basic.getCerts();
        assertThat(certificates).isNotEmpty();
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(certificates[0]);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey())))
                .isTrue();
        assertThat(basic.getResponderId())
                .isEqualTo(new RespID(
                        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                                signer.getPublicKey().getEncoded()),
                        new JcaDigestCalculatorProviderBuilder()
                                .build()
                                .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1)));
        assertThat(signer.getExtendedKeyUsage()).containsExactly(OCSP_SIGNING);
        assertThat(signer.getNonCriticalExtensionOIDs()).contains(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId());
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(signer.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
        signer.verify(issuing.getPublicKey()); // delegated by the CA that issued the card
        issuing.verify(root.getPublicKey());
        // the issuing CA travels with the answer, so a client that trusts only the root can check the responder
        assertThat(certificates).hasSize(2);
        assertThat(new JcaX509CertificateConverter().getCertificate(certificates[1]))
                .isEqualTo(issuing);
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsReasonAndTime() throws Exception {
        JsonNode card = newSoftCard("1234");
        issuer(
                "POST",
                "/api/v1/cards/" + card.path("cardSerial").asText() + "/revoke",
                Map.of("reason", "keyCompromise"));

        SingleResp single = only(OcspRequests.basic(published()
                .ocspPost(OcspRequests.request(
                        issuing,
                        OcspRequests.serial(card.path("certificateSerial").asText()),
                        OcspRequests.newNonce()))
                .body()));

        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
        assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.keyCompromise);
        assertThat(revoked.getRevocationTime()).isBeforeOrEqualTo(new Date());
    }

    @Test
    void anUnknownSerialIsUnknown() throws Exception {
        BigInteger neverIssued = new BigInteger(120, new java.security.SecureRandom());

        SingleResp single = only(OcspRequests.basic(published()
                .ocspPost(OcspRequests.request(issuing, neverIssued, OcspRequests.newNonce()))
                .body()));

        assertThat(single.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aRequestForAnotherCasCertificateIsUnauthorizedAndAudited() throws Exception {
        X509Certificate otherCa = selfSignedCa();
        BigInteger serial = BigInteger.valueOf(4242);
        int refusals = refusedOcspRequests(serial);

        PublicEndpoints.Answer answer =
                published().ocspPost(OcspRequests.request(otherCa, serial, OcspRequests.newNonce()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(OcspRequests.response(answer.body()).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        assertThat(refusedOcspRequests(serial)).isEqualTo(refusals + 1);
    }

    @Test
    void garbageIsAMalformedRequest() throws Exception {
        byte[] garbage = "this is not DER".getBytes(StandardCharsets.US_ASCII);

        PublicEndpoints.Answer posted = published().ocspPost(garbage);
        PublicEndpoints.Answer got = published()
                .ocspGet(URLEncoder.encode(Base64.getEncoder().encodeToString(garbage), StandardCharsets.US_ASCII));
        PublicEndpoints.Answer notBase64 = published().ocspGet("not-base64!");

        assertThat(OcspRequests.response(posted.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(OcspRequests.response(got.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(OcspRequests.response(notBase64.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    private int refusedOcspRequests(BigInteger serial) {
        return jdbc.sql("""
                        SELECT count(*) FROM issuer_audit
                        WHERE action = 'OCSP' AND outcome = 'REFUSED' AND serial = :serial""")
                .param("serial", serial.toString(16))
                .query(Integer.class)
                .single();
    }

    private static SingleResp only(BasicOCSPResp basic) {
        assertThat(basic.getResponses()).hasSize(1);
        return basic.getResponses()[0];
    }

    private static byte[] nonceOf(BasicOCSPResp basic) {
        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertThat(nonce).as("nonce extension in the response").isNotNull();
        return ASN1OctetString.getInstance(nonce.getParsedValue()).getOctets();
    }

    /** A CA that is not ours, with the same kind of key. */
    private static X509Certificate selfSignedCa() {
        return TestPki.certificate("CN=Some Other CA,O=Elsewhere,C=JP")
                .ca()
                .issue()
                .certificate();
    }
}
