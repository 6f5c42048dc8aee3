package org.sscard.issuer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.api.Pem;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.Openssl;

/**
 * What a relying party that is not us sees: the real openssl CLI checks the chain against the published CRL,
 * asks the OCSP responder, and opens a soft card. These are the commands docs/pki.md gives operators.
 */
class OpensslInteropTest extends IssuerApiTest {

    private static final String PIN = "2468";

    private Path dir;
    private Openssl openssl;

    @BeforeEach
    void publishedCaCertificates() throws Exception {
        dir = tempDir("sscard-openssl");
        openssl = new Openssl(dir);
        Files.writeString(dir.resolve("root.pem"), published().pem("/ca/root.pem"));
        Files.writeString(dir.resolve("issuing.pem"), published().pem("/ca/issuing.pem"));
    }

    @Test
    void verifyWithTheCrlAcceptsAFreshCardAndRejectsItOnceRevoked() throws Exception {
        JsonNode card = newSoftCard(PIN);
        writeCardCertificate(card);

        fetchCrlAsPem("issuing");
        Openssl.Result fresh = verifyWithCrl().requireSuccess();
        assertThat(fresh.output()).as(fresh.describe("card accepted")).contains("card.pem: OK");

        // the whole chain, the issuing CA checked against the root's ARL as well
        fetchCrlAsPem("root");
        Openssl.Result wholeChain = openssl.run(
                        "verify",
                        "-CAfile",
                        "root.pem",
                        "-untrusted",
                        "issuing.pem",
                        "-crl_check_all",
                        "-CRLfile",
                        "issuing.crl.pem",
                        "-CRLfile",
                        "root.crl.pem",
                        "card.pem")
                .requireSuccess();
        assertThat(wholeChain.output()).contains("card.pem: OK");

        Response revoked = issuer(
                "POST",
                "/api/v1/cards/" + card.path("cardSerial").asText() + "/revoke",
                Map.of("reason", "keyCompromise"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        fetchCrlAsPem("issuing");
        Openssl.Result rejected = verifyWithCrl().requireFailure();
        assertThat(rejected.output()).as(rejected.describe("card rejected")).contains("certificate revoked");
    }

    @Test
    void ocspAnswersGoodThenCertificateHoldThenGoodAgainAndTheResponseVerifies() throws Exception {
        JsonNode card = newSoftCard(PIN);
        writeCardCertificate(card);
        String cardSerial = card.path("cardSerial").asText();

        assertOcsp("good");

        assertThat(issuer("POST", "/api/v1/cards/" + cardSerial + "/suspend", null)
                        .status())
                .isEqualTo(200);
        Openssl.Result held = assertOcsp("revoked");
        assertThat(held.output()).as(held.describe("hold")).contains("Reason: certificateHold");

        assertThat(issuer("POST", "/api/v1/cards/" + cardSerial + "/resume", null)
                        .status())
                .isEqualTo(200);
        assertOcsp("good");
    }

    @Test
    void ocspWithoutANonceIsAnsweredAndVerifiesToo() throws Exception {
        writeCardCertificate(newSoftCard(PIN));
        for (int i = 0; i < 2; i++) { // the second answer comes from the responder's cache
            Openssl.Result result = ocsp("-no_nonce").requireSuccess();
            assertThat(result.output())
                    .as(result.describe("verified"))
                    .contains("Response verify OK")
                    .contains("card.pem: good");
        }
    }

    @Test
    void aSoftCardOpensWithItsPinAndNotWithAnother() throws Exception {
        JsonNode card = newSoftCard(PIN);
        Files.write(
                dir.resolve("card.p12"),
                Base64.getDecoder().decode(card.path("pkcs12").asText()));

        Openssl.Result certificates = openssl.run(
                        "pkcs12", "-in", "card.p12", "-passin", "pass:" + PIN, "-nokeys", "-out", "chain.pem")
                .requireSuccess();
        // openssl prints the CA names' UTF-8 as escaped bytes in its "Bag Attributes": read the file as bytes
        String chain = Files.readString(dir.resolve("chain.pem"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(chain.split("BEGIN CERTIFICATE", -1))
                .as(certificates.describe("three certificates"))
                .hasSize(4);

        openssl.run("pkcs12", "-in", "card.p12", "-passin", "pass:" + PIN, "-nocerts", "-nodes", "-out", "key.pem")
                .requireSuccess();
        assertThat(Files.readString(dir.resolve("key.pem"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("BEGIN PRIVATE KEY");
        // the key in the file is the key the card's certificate certifies
        openssl.run("pkcs12", "-in", "card.p12", "-passin", "pass:" + PIN, "-nokeys", "-clcerts", "-out", "card.pem")
                .requireSuccess();
        String certifiedKey = openssl.run("x509", "-in", "card.pem", "-noout", "-pubkey")
                .requireSuccess()
                .output();
        String heldKey = openssl.run("pkey", "-in", "key.pem", "-pubout")
                .requireSuccess()
                .output();
        assertThat(heldKey).isEqualTo(certifiedKey);

        Openssl.Result wrongPin = openssl.run("pkcs12", "-in", "card.p12", "-passin", "pass:1357", "-nokeys")
                .requireFailure();
        assertThat(wrongPin.output()).as(wrongPin.describe("wrong PIN")).containsIgnoringCase("mac verify");
    }

    private Openssl.Result verifyWithCrl() {
        return openssl.run(
                "verify",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "-crl_check",
                "-CRLfile",
                "issuing.crl.pem",
                "card.pem");
    }

    private Openssl.Result assertOcsp(String status) {
        Openssl.Result result = ocsp().requireSuccess();
        assertThat(result.output())
                .as(result.describe("OCSP " + status))
                .contains("Response verify OK")
                .contains("card.pem: " + status)
                .doesNotContainIgnoringCase("nonce");
        return result;
    }

    /**
     * Trusts only the root: the delegated responder's certificate comes in the response, the issuing CA from
     * {@code -verify_other}, and openssl checks that the responder is authorised by the card's issuer.
     */
    private Openssl.Result ocsp(String... extra) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "ocsp",
                "-issuer",
                "issuing.pem",
                "-cert",
                "card.pem",
                "-url",
                publicationUrl() + "/ocsp",
                "-CAfile",
                "root.pem",
                "-verify_other",
                "issuing.pem"));
        arguments.addAll(java.util.List.of(extra));
        return openssl.run(arguments.toArray(String[]::new));
    }

    private void writeCardCertificate(JsonNode card) throws Exception {
        X509Certificate certificate = (X509Certificate)
                Certificates.softCard(card.path("pkcs12").asText(), PIN).getCertificate(SoftCard.ALIAS);
        Files.writeString(dir.resolve("card.pem"), Pem.of(certificate));
    }

    private void fetchCrlAsPem(String issuer) throws Exception {
        Files.write(
                dir.resolve(issuer + ".crl.der"),
                published().get("/crl/" + issuer + ".crl").body());
        openssl.run("crl", "-inform", "DER", "-in", issuer + ".crl.der", "-out", issuer + ".crl.pem")
                .requireSuccess();
    }
}
