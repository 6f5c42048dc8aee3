package org.sscard.auth.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code sscard-verify}. Repeatable options collect; a bad line is a {@link Usage} (exit 2). */
record VerifyArguments(
        List<Path> trustAnchors,
        List<Path> intermediates,
        List<Path> crls,
        Instant at,
        String profile,
        boolean allowSha1,
        int minimumRsaBits,
        Path certificate) {

    static final String USAGE = """
            usage: sscard-verify --trust-anchor FILE [--trust-anchor FILE ...] [--intermediate FILE ...]
                                 [--crl FILE ...] [--at 2026-01-01T00:00:00Z] [--profile path|resident|staff]
                                 [--allow-sha1] [--min-rsa-bits N] CERTIFICATE
                   sscard-verify --help
            Certificates and CRLs in PEM or DER. Revocation is checked against the given CRLs only (no network);
            without --crl every certificate's status is unknown and the path is refused (fail closed).
            --profile path (default) checks the certificate path only; resident or staff then runs the login's
            certificate-level profile checks (EKU clientAuth, the profile's card policy, the subject and, for
            residents, the personal ID's check digits). The relay's card and person/staff status are checked at
            login only. The personal ID is never printed.
            Prints ACCEPT [profile] or REJECT <REASON>: <detail>; exits 0 (accept), 1 (reject), 2 (usage or
            unreadable input).""";

    static final List<String> PROFILES = List.of("path", "resident", "staff");

    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    static VerifyArguments parse(String... args) {
        List<Path> anchors = new ArrayList<>();
        List<Path> intermediates = new ArrayList<>();
        List<Path> crls = new ArrayList<>();
        Instant at = Instant.now();
        String profile = "path";
        boolean allowSha1 = false;
        int minimumRsaBits = 2048;
        Path certificate = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--trust-anchor" -> anchors.add(Path.of(value(args, ++i, arg)));
                case "--intermediate" -> intermediates.add(Path.of(value(args, ++i, arg)));
                case "--crl" -> crls.add(Path.of(value(args, ++i, arg)));
                case "--at" -> at = instant(value(args, ++i, arg));
                case "--profile" -> profile = value(args, ++i, arg);
                case "--allow-sha1" -> allowSha1 = true;
                case "--min-rsa-bits" -> minimumRsaBits = bits(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || certificate != null) {
                        throw new Usage("unexpected argument '" + arg + "'");
                    }
                    certificate = Path.of(arg);
                }
            }
        }
        if (!PROFILES.contains(profile)) {
            throw new Usage("--profile wants path, resident or staff, not '" + profile + "'");
        }
        if (anchors.isEmpty() || certificate == null) {
            throw new Usage(anchors.isEmpty() ? "at least one --trust-anchor is needed" : "no certificate given");
        }
        return new VerifyArguments(anchors, intermediates, crls, at, profile, allowSha1, minimumRsaBits, certificate);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new Usage(option + " needs a value");
        }
        return args[index];
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException bad) {
            throw new Usage("--at wants an ISO-8601 instant such as 2026-01-01T00:00:00Z, not '" + text + "'");
        }
    }

    private static int bits(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException bad) {
            throw new Usage("--min-rsa-bits wants a number, not '" + text + "'");
        }
    }
}
