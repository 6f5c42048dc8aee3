package org.sscard.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/** The CRLs as a relying party downloads them: numbered, fresh, signed by the right key, with reasons. */
class CrlTest extends IssuerApiTest {

    private X509Certificate issuing;
    private X509Certificate root;

    @BeforeEach
    void caCertificates() throws Exception {
        issuing = Certificates.fromPem(published().pem("/ca/issuing.pem"));
        root = Certificates.fromPem(published().pem("/ca/root.pem"));
    }

    @Test
    void everyStatusChangePublishesACrlWithAHigherNumber() {
        String cardSerial = newSoftCard("1234").path("cardSerial").asText();
        BigInteger before = crlNumber(published().crl("issuing"));

        suspend(cardSerial);
        BigInteger afterHold = crlNumber(published().crl("issuing"));
        issuer("POST", "/api/v1/cards/" + cardSerial + "/resume", null);
        BigInteger afterResume = crlNumber(published().crl("issuing"));

        assertThat(afterHold).isGreaterThan(before);
        assertThat(afterResume).isGreaterThan(afterHold);
    }

    /**
     * Relying parties refuse a CRL older than twice the publication interval ({@code crl-refresh}, auth-service's
     * {@code crl-max-age}): so the CRL served is never older than one interval, even when the newest stored one is
     * (after a restart, before the scheduled refresh), however far its nextUpdate.
     */
    @Test
    void neverServesACrlOlderThanThePublicationInterval() {
        BigInteger served = crlNumber(published().crl("issuing"));
        jdbc.sql("UPDATE crl SET this_update = this_update - interval '61 minutes' WHERE issuer = 'issuing'")
                .update();

        X509CRL current = published().crl("issuing");

        assertThat(crlNumber(current)).isGreaterThan(served);
        assertThat(current.getThisUpdate())
                .isAfter(java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
    }

    @Test
    void theCrlHasANextUpdateAfterThisUpdate() {
        X509CRL crl = published().crl("issuing");

        assertThat(crl.getNextUpdate()).isNotNull().isAfter(crl.getThisUpdate());
        assertThat(crl.getNextUpdate()).isInTheFuture();
    }

    @Test
    void theIssuingCrlIsSignedByTheIssuingCa() throws Exception {
        X509CRL crl = published().crl("issuing");

        crl.verify(issuing.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
    }

    @Test
    void aRevokedEntryCarriesItsRfc5280Reason() {
        JsonNode card = newSoftCard("1234");
        Response revoked = issuer(
                "POST",
                "/api/v1/cards/" + card.path("cardSerial").asText() + "/revoke",
                Map.of("reason", "cessationOfOperation"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        X509CRLEntry entry = published().crl("issuing").getRevokedCertificate(serial(card));

        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.CESSATION_OF_OPERATION);
        assertThat(entry.getRevocationDate()).isNotNull();
    }

    @Test
    void aHoldIsListedAsCertificateHoldAndDisappearsOnceResumed() {
        JsonNode card = newSoftCard("1234");
        String cardSerial = card.path("cardSerial").asText();

        suspend(cardSerial);
        X509CRLEntry held = published().crl("issuing").getRevokedCertificate(serial(card));
        issuer("POST", "/api/v1/cards/" + cardSerial + "/resume", null);
        X509CRL next = published().crl("issuing");

        assertThat(held).isNotNull();
        assertThat(held.getRevocationReason()).isEqualTo(CRLReason.CERTIFICATE_HOLD);
        assertThat(next.getRevokedCertificate(serial(card))).isNull();
    }

    @Test
    void theRootsArlIsSignedByTheRoot() throws Exception {
        X509CRL arl = published().crl("root");

        arl.verify(root.getPublicKey());
        assertThat(arl.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(arl.getNextUpdate()).isAfter(arl.getThisUpdate());
        assertThat(arl.getRevokedCertificate(issuing.getSerialNumber())).isNull();
    }

    @Test
    void concurrentHoldsEachGetTheirOwnCrlAndTheLastCrlListsThemAll() throws Exception {
        List<JsonNode> cards =
                List.of(newSoftCard("1234"), newSoftCard("1234"), newSoftCard("1234"), newSoftCard("1234"));
        ExecutorService pool = Executors.newFixedThreadPool(cards.size());
        try {
            List<Callable<Response>> holds = cards.stream()
                    .<Callable<Response>>map(card -> () -> issuer(
                            "POST", "/api/v1/cards/" + card.path("cardSerial").asText() + "/suspend", null))
                    .toList();
            for (Future<Response> hold : pool.invokeAll(holds)) {
                assertThat(hold.get().status()).as(hold.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        X509CRL crl = published().crl("issuing");

        for (JsonNode card : cards) {
            assertThat(crl.getRevokedCertificate(serial(card)))
                    .as("held card in the newest CRL")
                    .isNotNull();
        }
    }

    private void suspend(String cardSerial) {
        Response held = issuer("POST", "/api/v1/cards/" + cardSerial + "/suspend", null);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
    }

    private static BigInteger serial(JsonNode card) {
        return new BigInteger(card.path("certificateSerial").asText(), 16);
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        assertThat(value).as("CRL number extension").isNotNull();
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets())
                .getValue();
    }
}
