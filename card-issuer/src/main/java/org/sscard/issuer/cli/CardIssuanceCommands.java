package org.sscard.issuer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sscard.issuer.token.Pkcs11Session;
import org.sscard.issuer.token.TokenCardWriter;

/** Issues a resident's card: a soft card (PKCS#12 file) or a PKCS#11 token whose key is generated on it. */
final class CardIssuanceCommands {

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "issue-soft-card",
            Set.of("out", "input", "profile", "replaces"),
            "issue-token-card",
            Set.of("pkcs11-library", "slot-index", "input", "profile", "replaces", "enrolment-code"));
    private static final String PROFILE = "resident-card";
    /** The resident-card profile's key; the issuer checks the CSR's key against the profile in any case. */
    private static final int RSA_KEY_SIZE = 2048;

    private final IssuerApiClient api;
    private final InputStream stdin;
    private final PrintStream out;

    CardIssuanceCommands(IssuerApiClient api, InputStream stdin, PrintStream out) {
        this.api = api;
        this.stdin = stdin;
        this.out = out;
    }

    void run(CliArguments args) {
        if (args.command().equals("issue-soft-card")) {
            softCard(args);
        } else if (args.flag("enrolment-code")) {
            new TokenEnrolment(api, stdin, out).run(args);
        } else {
            tokenCard(args);
        }
    }

    private void softCard(CliArguments args) {
        Path file = Path.of(args.required("out"));
        HolderSecrets secrets = HolderSecrets.read(args.optional("input"), stdin);
        Map<String, Object> request = request(args, secrets);
        request.put("pin", secrets.pin());
        JsonNode card = api.post("/api/v1/cards/soft", request);
        try {
            // owner-only, and never over an existing file: it may be another resident's card
            Files.write(
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    Base64.getDecoder().decode(card.path("pkcs12").asText()));
        } catch (FileAlreadyExistsException e) {
            throw new IssuerApiClient.Refused("card " + card.path("cardSerial").asText() + " was issued, but " + file
                    + " exists; revoke the card and issue again to a new file");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "card " + card.path("cardSerial").asText() + " was issued, but " + file + " cannot be written", e);
        }
        printIssued(card, "written to " + file);
    }

    private void tokenCard(CliArguments args) {
        Path library = Path.of(args.required("pkcs11-library"));
        int slotIndex = args.integer("slot-index");
        HolderSecrets secrets = HolderSecrets.read(args.optional("input"), stdin);
        try (Pkcs11Session token =
                Pkcs11Session.open(library, slotIndex, secrets.pin().toCharArray())) {
            TokenCardWriter writer = new TokenCardWriter(token);
            String cardSerial = writer.cardSerial(); // before a key is made: a token without one is not a card
            TokenCardWriter.PendingCard pending = writer.newKey("RSA", RSA_KEY_SIZE);
            Map<String, Object> request = request(args, secrets);
            request.put("profile", args.optional("profile").orElse(PROFILE));
            request.put("csr", pending.csrPem());
            request.put("cardSerial", cardSerial);
            JsonNode card = api.post("/api/v1/certificates", request);
            try {
                writer.write(pending, chain(card));
            } catch (RuntimeException e) {
                throw new IssuerApiClient.Refused("card "
                        + card.path("cardSerial").asText() + " was issued but"
                        + " could not be written to the token (" + e.getMessage() + "); revoke it: revoke --card "
                        + card.path("cardSerial").asText() + " --reason cessationOfOperation");
            }
            printIssued(card, "written to the token in slot index " + slotIndex);
        }
    }

    private static Map<String, Object> request(CliArguments args, HolderSecrets secrets) {
        Map<String, Object> request = new HashMap<>();
        request.put("personalId", secrets.personalId());
        args.optional("profile").ifPresent(profile -> request.put("profile", profile));
        args.optional("replaces").ifPresent(serial -> request.put("replacesCardSerial", serial));
        return request;
    }

    private static List<X509Certificate> chain(JsonNode card) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (JsonNode pem : card.path("chain")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(pem.asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
            }
            return chain;
        } catch (CertificateException e) {
            throw new IllegalStateException("the issuer answered with an unreadable certificate chain", e);
        }
    }

    private void printIssued(JsonNode card, String where) {
        out.println("card        " + card.path("cardSerial").asText());
        out.println("certificate " + card.path("certificateSerial").asText());
        out.println("sha256      " + card.path("sha256").asText());
        out.println("not after   " + card.path("notAfter").asText());
        out.println(where);
    }
}
