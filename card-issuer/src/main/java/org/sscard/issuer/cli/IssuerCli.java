package org.sscard.issuer.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city office's command line for the card issuer (plain Java, no Spring context): issues soft and token
 * cards, and looks up, suspends, resumes and revokes them through the issuer's REST API. Run it with
 * bin/sscard-issuer. Exit codes: 0 done, 1 refused or failed (the reason on stderr), 2 wrong command line.
 */
public final class IssuerCli {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    /** The issuing API, over TLS only (port 8083 publishes CA certificates, CRLs and OCSP, and nothing else). */
    static final String DEFAULT_ISSUER_URL = "https://issuer.localhost:8086";

    static final String USAGE_TEXT = """
            usage: sscard-issuer [--issuer-url URL] [--auth-url URL] [--data-dir DIR] COMMAND [OPTIONS]
              issue-soft-card  --out FILE.p12 [--input FILE] [--profile P] [--replaces CARD]
              issue-token-card --pkcs11-library LIB --slot-index N [--input FILE] [--profile P] [--replaces CARD]
              issue-token-card --enrolment-code --pkcs11-library LIB --slot-index N [--input FILE]
              status  --card CARD
              suspend --card CARD
              resume  --card CARD
              revoke  --card CARD [--reason RFC5280-NAME]   (default: unspecified)
              print-token --audience SERVICE   a 5-minute bearer token of the city office (card-issuer,
                                               relay-db-service) for calling an API with curl
              --help
            The issue commands read two lines from stdin (or --input FILE): the 44-digit personal ID, then the
            card PIN (for a token: its user PIN); with --enrolment-code: the enrolment code an operator made for
            the resident (XXXXX-XXXXX-XXXXX-XXXXX), then the token's user PIN, and no client certificate is needed
            (the code is the credential). Secrets are never taken from the command line.
            Defaults: --issuer-url https://issuer.localhost:8086 (TLS only), --auth-url https://auth.localhost:8082 (the token issuer),
            --data-dir ./data (the city office's client certificate is <data-dir>/clients/city-office.crt|.key).""";

    private IssuerCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** The whole command line, with its streams given (so tests run it in-process); returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE_TEXT);
            return OK;
        }
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(List.of(args), commands());
        } catch (CliArguments.UsageException e) {
            err.println("sscard-issuer: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            URI issuerUrl = URI.create(arguments.optional("issuer-url").orElse(DEFAULT_ISSUER_URL));
            Path dataDir = Path.of(arguments.optional("data-dir").orElse("data"));
            // redeeming an enrolment code needs no client credentials (a counter may have none): only the CA's root
            IssuerApiClient api = arguments.flag("enrolment-code")
                    ? IssuerApiClient.withoutCredentials(issuerUrl, dataDir)
                    : IssuerApiClient.forDataDirectory(
                            issuerUrl,
                            URI.create(arguments.optional("auth-url").orElse("https://auth.localhost:8082")),
                            dataDir);
            if (arguments.command().equals("print-token")) {
                out.println(api.token(arguments.required("audience")));
            } else if (CardIssuanceCommands.OPTIONS.containsKey(arguments.command())) {
                new CardIssuanceCommands(api, stdin, out).run(arguments);
            } else {
                new CardStatusCommands(api, out).run(arguments);
            }
            return OK;
        } catch (CliArguments.UsageException e) {
            err.println("sscard-issuer: " + e.getMessage());
            return USAGE;
        } catch (IssuerApiClient.Refused e) {
            err.println("refused: " + e.getMessage());
            return REFUSED;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // a token that cannot be opened, a file that cannot be read: the operator can act on the message
            err.println("failed: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            return REFUSED;
        }
    }

    private static Map<String, Set<String>> commands() {
        Map<String, Set<String>> commands = new HashMap<>(CardIssuanceCommands.OPTIONS);
        commands.putAll(CardStatusCommands.OPTIONS);
        commands.put("print-token", Set.of("audience"));
        return commands;
    }
}
