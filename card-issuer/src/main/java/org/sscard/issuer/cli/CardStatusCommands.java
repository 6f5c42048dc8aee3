package org.sscard.issuer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.sscard.common.pki.RevocationReason;

/** Looks up a card, puts it on hold, resumes it, or revokes it with an RFC 5280 reason. */
final class CardStatusCommands {

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "status",
            Set.of("card"),
            "suspend",
            Set.of("card"),
            "resume",
            Set.of("card"),
            "revoke",
            Set.of("card", "reason"));

    private final IssuerApiClient api;
    private final PrintStream out;

    CardStatusCommands(IssuerApiClient api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    void run(CliArguments args) {
        String path = "/api/v1/cards/" + args.cardSerial("card");
        JsonNode certificate = switch (args.command()) {
            case "status" -> api.get(path);
            case "suspend", "resume" -> api.post(path + "/" + args.command(), Map.of());
            case "revoke" -> api.post(path + "/revoke", Map.of("reason", reason(args)));
            default -> throw new IllegalArgumentException(args.command());
        };
        print(certificate);
    }

    /** The reason by its RFC 5280 name (keyCompromise, superseded, ...); unspecified when none is given. */
    private static String reason(CliArguments args) {
        String reason = args.optional("reason").orElse(RevocationReason.unspecified.name());
        try {
            return RevocationReason.valueOf(reason).name();
        } catch (IllegalArgumentException e) {
            throw new CliArguments.UsageException(
                    "--reason is one of " + java.util.Arrays.toString(RevocationReason.values()));
        }
    }

    private void print(JsonNode certificate) {
        out.println("card        " + certificate.path("cardSerial").asText("-"));
        out.println("certificate " + certificate.path("serial").asText());
        out.println("profile     " + certificate.path("profile").asText());
        out.println("status      " + certificate.path("status").asText());
        if (certificate.hasNonNull("revocationReason")) {
            out.println("reason      " + certificate.path("revocationReason").asText());
        }
        out.println("not after   " + certificate.path("notAfter").asText());
    }
}
