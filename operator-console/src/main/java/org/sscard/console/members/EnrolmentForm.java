package org.sscard.console.members;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sscard.console.backend.Enrolment;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * The enrolment form: the person (provisional SSN, date of birth, kana name, which the relay compares together), the
 * insurer's own number for them (symbol, number and branch, or a local number, never both), from when, and why.
 */
final class EnrolmentForm {

    static final String[] FIELDS = {
        "provisionalSsn",
        "dateOfBirth",
        "nameKana",
        "insuranceSymbol",
        "insuranceNumber",
        "insuranceBranch",
        "localNumber",
        "validFrom",
        "reason"
    };

    private EnrolmentForm() {}

    static Enrolment read(Map<String, String> form, LocalDate today, FormErrors errors) {
        String ssn = Inputs.provisionalSsn(form.get("provisionalSsn"), "provisionalSsn", errors);
        LocalDate born = Inputs.date(form.get("dateOfBirth"), "dateOfBirth", true, today, errors);
        String kana = Inputs.text(form.get("nameKana"), "nameKana", 100, true, errors);
        String symbol = Inputs.text(form.get("insuranceSymbol"), "insuranceSymbol", 40, false, errors);
        String number = Inputs.text(form.get("insuranceNumber"), "insuranceNumber", 40, false, errors);
        String branch = Inputs.text(form.get("insuranceBranch"), "insuranceBranch", 2, false, errors);
        String local = Inputs.text(form.get("localNumber"), "localNumber", 32, false, errors);
        boolean card = symbol != null || number != null || branch != null;
        if (local != null && card) {
            errors.add("localNumber", "invalid.numberBoth");
        } else if (local == null && (number == null || branch == null || !branch.matches("\\d{2}"))) {
            errors.add("insuranceNumber", "invalid.numberMissing");
        }
        LocalDate from = Inputs.date(form.get("validFrom"), "validFrom", false, today, errors);
        String reason = Inputs.reason(form.get("reason"), true, errors);
        if (errors.any()) {
            return null;
        }
        return new Enrolment(ssn, born, kana, symbol, number, branch, local, from, reason);
    }

    /** What the form shows again: what was typed in its own fields, nothing else. */
    static Map<String, String> kept(Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : FIELDS) {
            kept.put(field, form.getOrDefault(field, ""));
        }
        return kept;
    }
}
