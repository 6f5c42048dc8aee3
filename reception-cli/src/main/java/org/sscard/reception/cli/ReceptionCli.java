package org.sscard.reception.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/sscard-reception}: the reception desk's command-line program, what a front-desk PC runs beside its
 * receipt software (plain Java, no Spring). Exit codes: {@link ExitCodes}.
 */
public final class ReceptionCli {

    static final String USAGE = """
            usage: sscard-reception COMMAND [OPTIONS]
              check      --staff-card CLERK.p12 | --staff-pkcs11-library LIB --staff-slot-index N
                         --card-cert PATIENT.pem | --card-pkcs11-library LIB --card-slot-index M
              check-ssn  --staff-card CLERK.p12 | --staff-pkcs11-library LIB --staff-slot-index N
                         --reason CARD_UNREADABLE|CARD_FORGOTTEN
              verify-statement STATEMENT.jws --jwks SAVED-JWKS.json --hospital KEY [--at TIME] [--json]
              --help
            Options of check and check-ssn:
              --json                 print the desk's answer as JSON (for machines)
              --save-statement FILE  save the signed eligibility statement (compact JWS)
              --save-jwks FILE       save the desk's published keys (/.well-known/jwks.json), for verify-statement
              --platform-url URL     the platform's login (default $SSCARD_AUTH_URL, else https://auth.localhost:8082)
              --desk-url URL         the reception desk (default $SSCARD_DESK_URL, else the platform URL with
                                     auth. -> desk. and port +5: https://desk.localhost:8087)
              --trust-anchor FILE    the platform CA root (default ./data/tls/ca-root.pem)
            Standard input, one per line (never on the command line, which ps shows to everyone): the clerk's PIN
            (of the staff card or token); for check-ssn then the provisional social-security number (12 digits) and
            the date of birth (YYYY-MM-DD). The patient's card is read without a PIN: its certificate file, or the
            public certificate object of its token. Saved files are owner-only and never overwritten.
            The clerk logs in as a native app (OAuth 2.0, RFC 8252: code + PKCE, loopback redirect on 127.0.0.1).
            Exit codes of check and check-ssn: 0 valid coverage; 3 checked, no valid coverage (lost, none,
            several); 4 refused (card revoked, suspended, expired or unknown; SSN and date of birth not matching);
            5 not completed (insurer or platform unreachable: confirm with the paper insurance card); 1 any other
            error, including the clerk's own login refused; 2 usage.
            verify-statement checks a saved statement offline (ES256, its type, the key by kid, for --hospital, not
            expired at --at, default now): 0 valid, 1 invalid, 2 usage.""";

    private static final Set<String> FLAGS = Set.of("json");

    private ReceptionCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** The whole program with its streams and environment given (so tests run it in-process); the exit code. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return ExitCodes.VALID;
        }
        try {
            Arguments arguments = Arguments.parse(List.of(args), grammars());
            if (arguments.command().equals("verify-statement")) {
                return new VerifyStatementCommand().run(arguments, out, err);
            }
            return new CheckCommand(env).run(arguments, new StandardInput(stdin), out, err);
        } catch (UsageException e) {
            err.println("sscard-reception: " + e.getMessage());
            err.println(USAGE);
            return ExitCodes.USAGE;
        } catch (CliFailure e) {
            err.println("sscard-reception: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("sscard-reception: failed: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            return ExitCodes.ERROR;
        }
    }

    static Map<String, Arguments.Grammar> grammars() {
        Set<String> card = new HashSet<>(CheckCommand.COMMON_OPTIONS);
        card.addAll(CheckCommand.CARD_OPTIONS);
        Set<String> ssn = new HashSet<>(CheckCommand.COMMON_OPTIONS);
        ssn.addAll(CheckCommand.SSN_OPTIONS);
        Map<String, Arguments.Grammar> grammars = new HashMap<>();
        grammars.put("check", new Arguments.Grammar(card, FLAGS, 0));
        grammars.put("check-ssn", new Arguments.Grammar(ssn, FLAGS, 0));
        grammars.put("verify-statement", new Arguments.Grammar(Set.of("jwks", "hospital", "at"), FLAGS, 1));
        return grammars;
    }
}
