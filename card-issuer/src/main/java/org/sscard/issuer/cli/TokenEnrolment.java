package org.sscard.issuer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.token.Pkcs11Session;
import org.sscard.issuer.token.TokenCardWriter;

/**
 * {@code issue-token-card --enrolment-code}: a resident's own token certified at the counter with the enrolment
 * code an operator made for them. The key is generated on the token as for every token card, its CSR and the code
 * are redeemed at the issuer (no client credentials: the code is the credential, and it names the person), and the
 * certificate goes back to the token. A refused code leaves nothing on the token: the key is kept there only once its
 * certificate is written beside it.
 */
final class TokenEnrolment {

    static final String REDEEM = "/api/v1/enrolment-codes/redeem";
    /** The resident-card profile's key; the issuer checks the CSR's key against the profile in any case. */
    private static final int RSA_KEY_SIZE = 2048;

    private final IssuerApiClient api;
    private final InputStream stdin;
    private final PrintStream out;

    TokenEnrolment(IssuerApiClient api, InputStream stdin, PrintStream out) {
        this.api = api;
        this.stdin = stdin;
        this.out = out;
    }

    void run(CliArguments args) {
        if (args.optional("profile").isPresent() || args.optional("replaces").isPresent()) {
            throw new CliArguments.UsageException(
                    "--enrolment-code names the card itself: a resident card for the person the code is for;"
                            + " --profile and --replaces do not apply");
        }
        int slotIndex = args.integer("slot-index");
        java.nio.file.Path library = java.nio.file.Path.of(args.required("pkcs11-library"));
        EnrolmentSecrets secrets = EnrolmentSecrets.read(args.optional("input"), stdin);
        try (Pkcs11Session token =
                Pkcs11Session.open(library, slotIndex, secrets.pin().toCharArray())) {
            TokenCardWriter writer = new TokenCardWriter(token);
            String cardSerial = writer.cardSerial(); // before a key is made: a token without one is not a card
            TokenCardWriter.PendingCard pending = writer.newKey("RSA", RSA_KEY_SIZE);
            JsonNode card =
                    api.post(REDEEM, Map.of("code", secrets.code(), "csr", pending.csrPem(), "cardSerial", cardSerial));
            List<X509Certificate> chain = chain(card);
            try {
                writer.write(pending, chain);
            } catch (RuntimeException e) {
                throw new IssuerApiClient.Refused("card "
                        + card.path("cardSerial").asText() + " was issued but could not be written to the token ("
                        + e.getMessage() + "); revoke it: revoke --card "
                        + card.path("cardSerial").asText()
                        + " --reason cessationOfOperation");
            }
            X509Certificate certificate = chain.get(0);
            out.println("card        " + card.path("cardSerial").asText());
            out.println("certificate " + certificate.getSerialNumber().toString(16));
            out.println("sha256      " + CertificateRecords.sha256(certificate));
            out.println("not after   " + certificate.getNotAfter().toInstant());
            out.println("written to the token in slot index " + slotIndex);
        }
    }

    /** The certificate, then the rest of its chain (issuing CA, root), as the issuer answered them (PEM). */
    private static List<X509Certificate> chain(JsonNode card) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String field : List.of("certificatePem", "chainPem")) {
                byte[] pem = card.path(field).asText().getBytes(StandardCharsets.US_ASCII);
                factory.generateCertificates(new ByteArrayInputStream(pem))
                        .forEach(certificate -> chain.add((X509Certificate) certificate));
            }
            if (chain.size() < 2) {
                throw new IllegalStateException("the issuer answered without the certificate's chain");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IllegalStateException("the issuer answered with an unreadable certificate chain", e);
        }
    }
}
