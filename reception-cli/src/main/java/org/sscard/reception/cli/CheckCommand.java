package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.sscard.common.tls.PlatformTrust;

/**
 * {@code check} (the patient's card certificate) and {@code check-ssn} (provisional SSN and date of birth with a
 * reason): everything from the command line and standard input is checked first, then the clerk logs in with the
 * staff card, the desk answers, and the answer is printed and, if asked, saved.
 */
final class CheckCommand {

    static final Set<String> COMMON_OPTIONS = Set.of(
            "staff-card",
            "staff-pkcs11-library",
            "staff-slot-index",
            "platform-url",
            "desk-url",
            "trust-anchor",
            "save-statement",
            "save-jwks");
    static final Set<String> CARD_OPTIONS = Set.of("card-cert", "card-pkcs11-library", "card-slot-index");
    static final Set<String> SSN_OPTIONS = Set.of("reason");
    static final Set<String> REASONS = Set.of("CARD_UNREADABLE", "CARD_FORGOTTEN");

    private final Map<String, String> environment;

    CheckCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    int run(Arguments arguments, StandardInput stdin, PrintStream out, PrintStream err) {
        Endpoints endpoints = Endpoints.of(arguments, environment);
        Optional<Path> saveStatement = arguments.optional("save-statement").map(Path::of);
        Optional<Path> saveJwks = arguments.optional("save-jwks").map(Path::of);
        saveStatement.ifPresent(SafeFiles::requireAbsent);
        saveJwks.ifPresent(SafeFiles::requireAbsent);
        StaffSource staff = StaffSource.of(arguments);
        Map<String, String> request =
                arguments.command().equals("check") ? cardRequest(arguments) : ssnRequestWithoutPersonalData(arguments);
        TrustManager[] trust = trustManagers(endpoints.trustAnchor());

        char[] pin = stdin.secretLine("the clerk's PIN");
        if (arguments.command().equals("check-ssn")) {
            request.put("provisionalSsn", ssn(stdin.line("the provisional social-security number")));
            request.put("dateOfBirth", dateOfBirth(stdin.line("the date of birth")));
        }
        KeyManager[] staffCard = staff.open(pin);

        String accessToken = new NativeAppLogin(endpoints, trust).accessToken(staffCard);
        DeskClient desk = new DeskClient(endpoints, sslContext(trust));
        DeskClient.Answer answer = desk.check(accessToken, request);
        if (answer.status() != 200 || !answer.json().path("outcome").isTextual()) {
            if (arguments.flag("json") && answer.json().isObject()) {
                out.println(answer.body());
            }
            throw deskRefused(answer);
        }
        JsonNode result = answer.json();
        if (arguments.flag("json")) {
            out.println(answer.body());
        } else {
            AnswerPrinter.print(result, out);
        }
        saveStatement.ifPresent(file -> save(file, result.path("statement").asText(""), "statement", err));
        saveJwks.ifPresent(file -> {
            DeskClient.Answer keys = desk.jwks();
            if (keys.status() != 200 || !keys.json().path("keys").isArray()) {
                throw new CliFailure(
                        ExitCodes.ERROR, "the desk's published keys are not available (HTTP " + keys.status() + ")");
            }
            save(file, keys.body(), "published keys", err);
        });
        return Outcome.exitCodeOf(result.path("outcome").asText());
    }

    /** The staff card as the command line names it: a PKCS#12 file, or a token's library and slot index. */
    record StaffSource(Path file, Path library, int slotIndex) {

        static StaffSource of(Arguments arguments) {
            return arguments.oneOf("staff-card", "staff-pkcs11-library")
                    ? new StaffSource(Path.of(arguments.required("staff-card")), null, -1)
                    : new StaffSource(
                            null,
                            Path.of(arguments.required("staff-pkcs11-library")),
                            arguments.slotIndex("staff-slot-index"));
        }

        /** Key managers for the card login; clears the PIN. */
        KeyManager[] open(char[] pin) {
            return file != null ? StaffCard.fromPkcs12(file, pin) : StaffCard.fromToken(library, slotIndex, pin);
        }
    }

    private static Map<String, String> cardRequest(Arguments arguments) {
        var certificate = arguments.oneOf("card-cert", "card-pkcs11-library")
                ? PatientCard.fromFile(Path.of(arguments.required("card-cert")))
                : PatientCard.fromToken(
                        Path.of(arguments.required("card-pkcs11-library")), arguments.slotIndex("card-slot-index"));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("method", "CARD");
        request.put("cardCertificate", PatientCard.pem(certificate));
        return request;
    }

    private static Map<String, String> ssnRequestWithoutPersonalData(Arguments arguments) {
        String reason = arguments.required("reason");
        if (!REASONS.contains(reason)) {
            throw new UsageException("--reason is CARD_UNREADABLE or CARD_FORGOTTEN, not '" + reason + "'");
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("method", "SSN");
        request.put("reason", reason);
        return request;
    }

    static String ssn(String text) {
        String digits = text.replace("-", "").replace(" ", "");
        if (!digits.matches("\\d{12}")) {
            throw new UsageException("the provisional social-security number on standard input is 12 digits");
        }
        return digits;
    }

    static String dateOfBirth(String text) {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new UsageException("the date of birth on standard input is YYYY-MM-DD");
        }
    }

    /** Not a check's answer: the clerk not allowed (401/403), too many checks (429), bad input, the desk down. */
    static CliFailure deskRefused(DeskClient.Answer answer) {
        JsonNode problem = answer.json();
        String detail = problem.path("title").asText("HTTP " + answer.status())
                + (problem.hasNonNull("detail") ? ": " + problem.path("detail").asText() : "");
        return switch (answer.status()) {
            case 502, 503, 504 ->
                new CliFailure(
                        ExitCodes.NOT_COMPLETED,
                        "the reception desk cannot answer now (" + detail + ").\n" + Unreachable.PAPER_CARD_JA + "\n"
                                + Unreachable.PAPER_CARD_EN);
            case 429 ->
                new CliFailure(
                        ExitCodes.ERROR,
                        "too many checks by this clerk: " + detail
                                + (answer.retryAfter() != null ? " (try again in " + answer.retryAfter() + " s)" : ""));
            case 401, 403 -> new CliFailure(ExitCodes.ERROR, "the desk refused the clerk: " + detail);
            default -> new CliFailure(ExitCodes.ERROR, "the desk refused the request: " + detail);
        };
    }

    private static void save(Path file, String content, String what, PrintStream err) {
        if (content.isEmpty()) {
            throw new CliFailure(ExitCodes.ERROR, "the answer has no " + what + " to save");
        }
        SafeFiles.write(file, (content.endsWith("\n") ? content : content + "\n").getBytes(StandardCharsets.UTF_8));
        err.println("saved the " + what + " to " + file);
    }

    private static TrustManager[] trustManagers(Path trustAnchor) {
        KeyStore anchors;
        try {
            anchors = PlatformTrust.keyStore(trustAnchor);
        } catch (RuntimeException e) {
            throw new UsageException("cannot read the trust anchor " + trustAnchor + " (--trust-anchor)");
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new UsageException("no certificate in the trust anchor " + trustAnchor + " (--trust-anchor)");
        }
    }

    private static SSLContext sslContext(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
