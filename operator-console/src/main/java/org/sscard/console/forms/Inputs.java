package org.sscard.console.forms;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What the console's forms take, normalised as a counter clerk types it (full-width digits, spaces and hyphens in
 * numbers): each method answers the clean value, or null and marks the field in {@code errors}.
 */
public final class Inputs {

    /** Every dash a Japanese keyboard or a pasted text may bring. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑‒–—―−ー－]");

    private static final Pattern SSN = Pattern.compile("\\d{12}");
    private static final Pattern PIN = Pattern.compile("\\d{4,8}");

    public static final int MAX_REASON = 200;

    private Inputs() {}

    /** A provisional social-security number: 12 digits once separators are dropped. */
    public static String provisionalSsn(String value, String field, FormErrors errors) {
        String clean = value == null ? "" : SEPARATORS.matcher(nfkc(value)).replaceAll("");
        if (!SSN.matcher(clean).matches()) {
            errors.add(field);
            return null;
        }
        return clean;
    }

    /** A date as {@code yyyy-MM-dd} (what an input of type date sends); {@code past}: before today. */
    public static LocalDate date(String value, String field, boolean past, LocalDate today, FormErrors errors) {
        try {
            LocalDate date = LocalDate.parse(nfkc(value == null ? "" : value).strip());
            if (past && !date.isBefore(today) || date.getYear() < 1850) {
                errors.add(field);
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(field);
            return null;
        }
    }

    /** Text of at most {@code max} characters, NFKC (half-width kana become full-width) and trimmed. */
    public static String text(String value, String field, int max, boolean required, FormErrors errors) {
        String clean = value == null ? "" : nfkc(value).strip();
        if (clean.isEmpty()) {
            if (required) {
                errors.add(field);
            }
            return null;
        }
        if (clean.length() > max) {
            errors.add(field);
            return null;
        }
        return clean;
    }

    /** The reason for an action: required where the action changes a card, at most {@value #MAX_REASON}. */
    public static String reason(String value, boolean required, FormErrors errors) {
        return text(value, "reason", MAX_REASON, required, errors);
    }

    /**
     * The PIN typed twice: 4 to 8 digits, both the same. Neither is kept, logged or shown again; the one PIN goes to
     * the card issuer once.
     */
    public static String pin(String pin, String pinRepeat, FormErrors errors) {
        String first = pin == null ? "" : nfkc(pin);
        String second = pinRepeat == null ? "" : nfkc(pinRepeat);
        if (!PIN.matcher(first).matches()) {
            errors.add("pin");
            return null;
        }
        if (!first.equals(second)) {
            errors.add("pinRepeat", "invalid.pinMismatch");
            return null;
        }
        return first;
    }

    private static String nfkc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC);
    }
}
