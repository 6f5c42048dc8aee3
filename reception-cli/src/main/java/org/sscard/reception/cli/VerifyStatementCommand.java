package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.sscard.common.time.PlatformDates;

/**
 * {@code verify-statement statement.jws --jwks saved-jwks.json --hospital KEY [--at TIME]}: the offline check of a
 * saved eligibility statement, e.g. during an outage. Exit 0 valid (its content printed), 1 invalid (why), 2 usage
 * or unreadable files.
 */
final class VerifyStatementCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PlatformDates DATES = new PlatformDates();

    int run(Arguments arguments, PrintStream out, PrintStream err) {
        String compact = read(Path.of(arguments.positional().get(0)), "statement");
        JsonNode jwks;
        try {
            jwks = JSON.readTree(read(Path.of(arguments.required("jwks")), "--jwks"));
        } catch (IOException e) {
            throw new UsageException("--jwks is not JSON (the saved /.well-known/jwks.json of the desk)");
        }
        if (jwks == null || !jwks.path("keys").isArray()) {
            throw new UsageException("--jwks has no \"keys\" (the saved /.well-known/jwks.json of the desk)");
        }
        String hospital = arguments.required("hospital");
        Instant at =
                arguments.optional("at").map(VerifyStatementCommand::instant).orElseGet(Instant::now);
        try {
            JsonNode claims = StatementVerifier.verify(compact, jwks, hospital, at);
            if (arguments.flag("json")) {
                out.println(claims.toString());
            } else {
                print(claims, out);
            }
            return ExitCodes.VALID;
        } catch (StatementVerifier.Invalid invalid) {
            out.println("無効な証明書です / INVALID statement: " + invalid.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private static void print(JsonNode claims, PrintStream out) {
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        out.println("有効な資格確認証明です / VALID eligibility statement");
        out.println("  発行元 / Issuer: " + AnswerPrinter.text(claims.path("iss")));
        out.println("  医療機関 / Hospital: " + claims.path("aud"));
        out.println("  確認結果 / Outcome: " + AnswerPrinter.text(claims.path("outcome")));
        out.println("  確認日時: " + AnswerPrinter.dateTime(claims.path("checked_at"), true));
        out.println("  Checked at: " + AnswerPrinter.dateTime(claims.path("checked_at"), false));
        out.println("  有効期限: " + DATES.japaneseDateTime(expires));
        out.println("  Valid until: " + DATES.englishDateTime(expires));
        out.println("  確認者 / Clerk: " + AnswerPrinter.text(claims.path("clerk").path("name")));
        out.println("  患者番号 / Patient number: "
                + (claims.hasNonNull("patient_number")
                        ? claims.path("patient_number").asText()
                        : "当院未登録 / not yet registered here"));
        JsonNode coverage = camelCase(claims.path("coverage"));
        if (coverage.isObject()) {
            AnswerPrinter.coverage(out, coverage, true);
            AnswerPrinter.coverage(out, coverage, false);
        }
        JsonNode previous = camelCase(claims.path("previous_coverage"));
        AnswerPrinter.previousCoverage(out, previous, true);
        AnswerPrinter.previousCoverage(out, previous, false);
        out.println("  証明番号 / Statement ID: " + AnswerPrinter.text(claims.path("jti")));
    }

    /** The statement's snake_case claim ({@code insurer_number}) with the answer's names ({@code insurerNumber}). */
    private static JsonNode camelCase(JsonNode claim) {
        if (!claim.isObject()) {
            return claim;
        }
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        claim.fields().forEachRemaining(field -> {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : field.getKey().toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            renamed.set(name.toString(), field.getValue());
        });
        return renamed;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " file " + file);
        }
    }

    /** An instant ({@code 2026-11-02T09:00:00Z}, {@code 2026-11-02T18:00+09:00}) or a day (its start in Japan). */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(PlatformDates.ZONE).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new UsageException("--at is a time such as 2026-11-02T09:00:00+09:00, not '" + text + "'");
            }
        }
    }
}
