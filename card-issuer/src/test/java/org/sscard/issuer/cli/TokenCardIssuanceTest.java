package org.sscard.issuer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.SoftHsm;
import org.sscard.issuer.token.Pkcs11Session;
import org.sscard.issuer.token.TokenCardWriter;

/**
 * The city office's real-card flow end to end: the CLI generates the key on a PKCS#11 token (SoftHSM2), sends the
 * token-signed CSR to the real issuer, which registers the card in the real relay, and writes the certificate
 * back to the token. What is on the token is then read back in-process and with OpenSC's pkcs11-tool.
 */
class TokenCardIssuanceTest extends IssuerApiTest {

    private static final String CARD_ID =
            HexFormat.of().formatHex(TokenCardWriter.ALIAS.getBytes(StandardCharsets.US_ASCII));

    @Test
    void issuesACardWhoseKeyNeverLeavesTheToken() throws Exception {
        String personalId = newResident();
        SoftHsm.Token token = SoftHsm.get().claim();

        CliRun issued = issueTokenCard(token, personalId);

        assertThat(issued.exit()).as(issued.err()).isZero();
        assertThat(issued.field("card")).isEqualTo(token.serial());
        assertThat(issued.out() + issued.err()).doesNotContain(personalId).doesNotContain(token.pin());
        try (Pkcs11Session session = Pkcs11Session.open(
                SoftHsm.LIBRARY, token.slotIndex(), token.pin().toCharArray())) {
            X509Certificate onToken = (X509Certificate) session.keyStore().getCertificate(TokenCardWriter.ALIAS);
            PrivateKey key = (PrivateKey) session.keyStore().getKey(TokenCardWriter.ALIAS, null);
            // SunPKCS11 answers null for every token key, so this alone proves little: the token's own
            // attributes (pkcs11-tool below) are the proof that the key was made there and cannot leave
            assertThat(key.getEncoded())
                    .as("the key's value never reaches the JVM")
                    .isNull();
            assertThat(session.keyStore().getCertificateChain(TokenCardWriter.ALIAS))
                    .hasSize(3);
            assertThat(X500Name.getInstance(onToken.getSubjectX500Principal().getEncoded())
                            .getRDNs(BCStyle.SERIALNUMBER)[0]
                            .getFirst()
                            .getValue()
                            .toString())
                    .isEqualTo(personalId);
            assertTheTokenKeySignsForTheCertificate(session, key, onToken);

            var relayCard = relay(
                            "GET",
                            "/api/v1/cards/by-certificate-serial/"
                                    + onToken.getSerialNumber().toString(16),
                            null)
                    .json();
            assertThat(relayCard.path("certificateSha256").asText())
                    .isEqualTo(CertificateRecords.sha256(onToken))
                    .isEqualTo(issued.field("sha256"));
            assertThat(relayCard.path("cardSerial").asText()).isEqualTo(token.serial());
            assertThat(relayCard.path("status").asText()).isEqualTo("ACTIVE");
        }

        String objects = listObjects(token);
        List<String> keys = sections(objects, "Private Key Object");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0))
                .contains("ID:         " + CARD_ID)
                .contains("Usage:      sign\n")
                .contains("sensitive")
                .contains("always sensitive")
                .contains("never extractable")
                .contains("local");
        assertThat(sections(objects, "Certificate Object"))
                .anySatisfy(certificate -> assertThat(certificate)
                        .contains("label:      " + TokenCardWriter.ALIAS)
                        .contains("ID:         " + CARD_ID));

        CliRun second = issueTokenCard(token, newResident());
        assertThat(second.exit()).as("a card is never overwritten").isEqualTo(IssuerCli.REFUSED);
        assertThat(second.err()).contains("already holds a card");
    }

    @Test
    void aRefusedIssuanceLeavesNothingOnTheToken() {
        SoftHsm.Token token = SoftHsm.get().claim();
        String stranger =
                PersonalIdFormat.standard().generate(MunicipalityCode.KAMOGAWA).digits();

        CliRun refused = issueTokenCard(token, stranger);

        assertThat(refused.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(refused.err())
                .contains("The person or staff member is not registered in the relay")
                .contains("no person with this personal ID in the relay");
        assertThat(listObjects(token)).doesNotContain("Private Key Object").doesNotContain("Certificate Object");
    }

    @Test
    void refusesAWrongTokenPinWithoutCallingTheIssuer() {
        SoftHsm.Token token = SoftHsm.get().claim();
        CliRun wrongPin = CliRun.of(
                baseUrl(),
                RELAY.dataDir(),
                newResident() + "\n0000\n",
                "issue-token-card",
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--slot-index",
                String.valueOf(token.slotIndex()));

        assertThat(wrongPin.exit()).isEqualTo(IssuerCli.REFUSED);
        assertThat(wrongPin.err()).contains("cannot log in to the PKCS#11 token");
    }

    private CliRun issueTokenCard(SoftHsm.Token token, String personalId) {
        return CliRun.of(
                baseUrl(),
                RELAY.dataDir(),
                personalId + "\n" + token.pin() + "\n",
                "issue-token-card",
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--slot-index",
                String.valueOf(token.slotIndex()));
    }

    private static void assertTheTokenKeySignsForTheCertificate(
            Pkcs11Session session, PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] challenge = "a TLS handshake's transcript".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA", session.provider());
        signer.initSign(key);
        signer.update(challenge);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(challenge);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    /** What OpenSC's pkcs11-tool, a separate process, finds on the token after logging in. */
    private static String listObjects(SoftHsm.Token token) {
        return SoftHsm.get()
                .run(
                        "pkcs11-tool",
                        "--module",
                        SoftHsm.LIBRARY.toString(),
                        "--slot-index",
                        String.valueOf(token.slotIndex()),
                        "-O",
                        "--login",
                        "--pin",
                        token.pin());
    }

    private static List<String> sections(String objects, String type) {
        return java.util.Arrays.stream(objects.split("(?m)^(?=\\S)"))
                .filter(s -> s.startsWith(type))
                .toList();
    }
}
