package org.sscard.console.members;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sscard.console.backend.Joiner;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * The joiner form: the insurer's number for the person (symbol, number, branch, as the eligibility CSV takes them),
 * the relationship, the five items the relay's gate compares (kana and kanji name, date of birth, sex, address), the
 * provisional SSN (optional: without it the relay has no candidate and the record waits for review), the acquisition
 * date and the benefit fields.
 */
final class JoinerForm {

    static final List<String> RELATIONSHIPS = List.of("INSURED", "DEPENDANT");
    static final List<String> SEXES = List.of("MALE", "FEMALE");
    static final List<String> COPAYS = List.of("30", "20", "10");

    static final String[] FIELDS = {
        "symbol",
        "number",
        "branch",
        "relationship",
        "nameKana",
        "nameKanji",
        "dateOfBirth",
        "sex",
        "address",
        "provisionalSsn",
        "acquiredOn",
        "copayPercent",
        "limitCategory"
    };

    /** As the insurer's CSV takes them: a symbol without "|", a number of letters, digits and hyphens. */
    private static final Pattern SYMBOL = Pattern.compile("[^|]{1,20}");

    static final int MAX_NAME = 60;

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Pattern BRANCH = Pattern.compile("\\d{1,2}");

    private JoinerForm() {}

    static Joiner read(Map<String, String> form, LocalDate today, FormErrors errors) {
        String symbol = matching(form, "symbol", SYMBOL, errors);
        String number = matching(form, "number", NUMBER, errors);
        String branch = matching(form, "branch", BRANCH, errors);
        String relationship = oneOf(form, "relationship", RELATIONSHIPS, errors);
        // as insurer-adapters takes them: names of up to 60 characters
        String kana = Inputs.text(form.get("nameKana"), "nameKana", MAX_NAME, true, new FormErrors());
        if (kana == null) {
            errors.add("nameKana", "invalid.joinerNameKana");
        }
        String kanji = Inputs.text(form.get("nameKanji"), "nameKanji", MAX_NAME, false, new FormErrors());
        if (kanji == null) {
            errors.add("nameKanji", "invalid.nameKanjiRequired");
        }
        LocalDate born = Inputs.date(form.get("dateOfBirth"), "dateOfBirth", true, today, errors);
        String sex = oneOf(form, "sex", SEXES, errors);
        String address = Inputs.text(form.get("address"), "address", 300, false, errors);
        String ssn = blank(form.get("provisionalSsn"))
                ? null
                : Inputs.provisionalSsn(form.get("provisionalSsn"), "provisionalSsn", errors);
        LocalDate acquired = Inputs.date(form.get("acquiredOn"), "acquiredOn", false, today, errors);
        if (acquired != null && born != null && acquired.isBefore(born)) {
            errors.add("acquiredOn", "invalid.acquiredOnBeforeBirth");
        }
        String copay = oneOf(form, "copayPercent", COPAYS, errors);
        String limit = Inputs.text(form.get("limitCategory"), "limitCategory", 20, false, errors);
        if (errors.any()) {
            return null;
        }
        return new Joiner(
                symbol,
                number,
                branch.length() == 1 ? "0" + branch : branch,
                relationship,
                kanji,
                kana,
                born,
                sex,
                address,
                ssn,
                acquired,
                Integer.valueOf(copay),
                limit);
    }

    /** What the form shows again: what was typed in its own fields, nothing else. */
    static Map<String, String> kept(Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : FIELDS) {
            kept.put(field, form.getOrDefault(field, ""));
        }
        return kept;
    }

    /**
     * What admin_action keeps of a joiner: the member number, relationship and acquisition date, and whether the
     * SSN and the address were given (they decide whether the gate can link); never the name, the date of birth,
     * the address or the SSN themselves.
     */
    static Map<String, Object> recorded(Joiner joiner) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("symbol", joiner.symbol());
        kept.put("number", joiner.number());
        kept.put("branch", joiner.branch());
        kept.put("relationship", joiner.relationship());
        kept.put("acquiredOn", joiner.acquiredOn());
        kept.put("provisionalSsnGiven", joiner.provisionalSsn() != null);
        kept.put("addressGiven", joiner.address() != null);
        return kept;
    }

    private static String matching(Map<String, String> form, String field, Pattern pattern, FormErrors errors) {
        String value = Inputs.text(form.get(field), field, 20, true, errors);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(field);
            return null;
        }
        return value;
    }

    private static String oneOf(Map<String, String> form, String field, List<String> allowed, FormErrors errors) {
        String value = form.get(field);
        if (value == null || !allowed.contains(value)) {
            errors.add(field);
            return null;
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
