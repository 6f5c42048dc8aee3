package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.sscard.common.time.PlatformDates;

/**
 * The desk's answer in plain words, Japanese lines first and then the same in English: the outcome's message, the
 * patient number (or "not yet registered here"), the coverage in the online-eligibility vocabulary, the newer or the
 * previous insurer when there is one, dates as
 * every page of the platform writes them (PlatformDates).
 */
final class AnswerPrinter {

    private static final PlatformDates DATES = new PlatformDates();
    /** The insurers' words (their CSV columns say 男/女, 本人/家族) and their English. */
    private static final Map<String, String[]> WORDS = Map.of(
            "男", new String[] {"男", "male"},
            "女", new String[] {"女", "female"},
            "MALE", new String[] {"男", "male"},
            "FEMALE", new String[] {"女", "female"},
            "本人", new String[] {"本人", "insured person"},
            "家族", new String[] {"家族", "dependant"},
            "INSURED", new String[] {"本人", "insured person"},
            "DEPENDANT", new String[] {"家族", "dependant"});

    private AnswerPrinter() {}

    static void print(JsonNode answer, PrintStream out) {
        for (boolean japanese : new boolean[] {true, false}) {
            String message = text(answer.path("message").path(japanese ? "ja" : "en"));
            out.println(message);
            if ("NOT_COMPLETED".equals(answer.path("outcome").asText())
                    && !message.contains(japanese ? "保険証" : "paper")) {
                out.println(japanese ? Unreachable.PAPER_CARD_JA : Unreachable.PAPER_CARD_EN);
            }
            line(out, japanese ? "確認日時" : "Checked at", dateTime(answer.path("checkedAt"), japanese));
            line(out, japanese ? "確認番号" : "Check ID", text(answer.path("checkId")));
            if (answer.hasNonNull("refusal")) {
                line(out, japanese ? "理由" : "Reason", text(answer.path("refusal")));
            }
            line(
                    out,
                    japanese ? "患者番号" : "Patient number",
                    answer.hasNonNull("patientNumber")
                            ? text(answer.path("patientNumber"))
                            : japanese ? "当院未登録" : "not yet registered here");
            JsonNode coverage = answer.path("coverage");
            if (coverage.isObject()) {
                coverage(out, coverage, japanese);
            }
            JsonNode next = answer.path("newCoverage");
            if (next.isObject()) {
                line(
                        out,
                        japanese ? "新しい保険者" : "New insurer",
                        text(next.path(japanese ? "nameJa" : "nameEn")) + " (" + text(next.path("insurerKey")) + ")");
            }
            previousCoverage(out, answer.path("previousCoverage"), japanese);
            if (japanese) {
                out.println();
            }
        }
    }

    static void coverage(PrintStream out, JsonNode c, boolean ja) {
        line(out, ja ? "保険者" : "Insurer", text(c.path("insurerName")) + " (" + text(c.path("insurerNumber")) + ")");
        line(
                out,
                ja ? "記号・番号・枝番" : "Symbol, number, branch",
                text(c.path("symbol")) + " / " + text(c.path("number")) + " / " + text(c.path("branch")));
        line(out, ja ? "氏名" : "Name", text(c.path("nameKanji")) + " (" + text(c.path("nameKana")) + ")");
        line(out, ja ? "生年月日" : "Date of birth", date(c.path("dateOfBirth"), ja));
        line(out, ja ? "性別" : "Sex", word(c.path("sex"), ja));
        line(out, ja ? "本人・家族" : "Insured or dependant", word(c.path("relationship"), ja));
        line(out, ja ? "負担割合" : "Co-payment", copay(c.path("copayPercent"), ja));
        line(out, ja ? "限度額適用区分" : "Limit category", text(c.path("limitCategory")));
        line(out, ja ? "資格取得日" : "Qualified on", date(c.path("acquiredOn"), ja));
        line(out, ja ? "資格喪失日" : "Lost on", date(c.path("lostOn"), ja));
    }

    /** The previous insurer of a VALID check after a change of insurer: its name and the loss date. */
    static void previousCoverage(PrintStream out, JsonNode previous, boolean ja) {
        if (!previous.isObject()) {
            return;
        }
        String date = date(previous.path("lostOn"), ja);
        if (ja) {
            line(out, "前の保険", text(previous.path("insurerNameJa")) + " — " + date + " に資格喪失（新しい保険者で確認済み）");
        } else {
            JsonNode name = previous.hasNonNull("insurerNameEn")
                    ? previous.path("insurerNameEn")
                    : previous.path("insurerNameJa");
            line(out, "Previous coverage", text(name) + " — lost on " + date + " (the new insurer confirmed)");
        }
    }

    private static void line(PrintStream out, String label, String value) {
        out.println("  " + label + ": " + value);
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? PlatformDates.NONE : node.asText();
    }

    private static String word(JsonNode node, boolean ja) {
        String[] words = WORDS.get(node.asText(""));
        return words == null ? text(node) : words[ja ? 0 : 1];
    }

    private static String copay(JsonNode node, boolean ja) {
        if (!node.isNumber()) {
            return text(node);
        }
        int percent = node.asInt();
        return ja && percent % 10 == 0 ? percent / 10 + "割" : percent + " %";
    }

    static String date(JsonNode node, boolean ja) {
        if (!node.isTextual()) {
            return PlatformDates.NONE;
        }
        try {
            LocalDate date = LocalDate.parse(node.asText());
            return ja ? DATES.japanese(date) : DATES.english(date);
        } catch (DateTimeParseException e) {
            return node.asText();
        }
    }

    static String dateTime(JsonNode node, boolean ja) {
        Instant instant;
        if (node.isNumber()) {
            instant = Instant.ofEpochSecond(node.asLong());
        } else if (!node.isTextual()) {
            return PlatformDates.NONE;
        } else {
            try {
                instant = OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException e) {
                return node.asText();
            }
        }
        return ja ? DATES.japaneseDateTime(instant) : DATES.englishDateTime(instant);
    }
}
