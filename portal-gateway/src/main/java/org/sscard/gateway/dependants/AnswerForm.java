package org.sscard.gateway.dependants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The page's form as the insurer's API takes it: {@code answer-<branch>} (STILL_DEPENDANT or NO_LONGER_DEPENDANT)
 * and {@code note-<branch>} per dependant. Bounded: a few dozen dependants at most, notes cut at the API's own limit
 * plus one (so that a too-long note is refused there, not silently shortened here). Whether every dependant is
 * answered is the insurer's to decide; the form keeps what was typed for the page shown again.
 */
public record AnswerForm(Map<String, String> answers, Map<String, String> notes) {

    static final int MAX_DEPENDANTS = 50;
    static final int MAX_NOTE = 200;
    private static final Pattern FIELD = Pattern.compile("(answer|note)-(\\d{1,2})");
    private static final Set<String> ANSWERS = Set.of("STILL_DEPENDANT", "NO_LONGER_DEPENDANT");

    static AnswerForm of(MultiValueMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            Matcher name = FIELD.matcher(field.getKey());
            if (!name.matches() || field.getValue().isEmpty() || answers.size() + notes.size() >= 2 * MAX_DEPENDANTS) {
                continue;
            }
            String value = field.getValue().get(0);
            if (name.group(1).equals("answer") && ANSWERS.contains(value)) {
                answers.put(name.group(2), value);
            } else if (name.group(1).equals("note") && value != null && !value.isBlank()) {
                String note = value.strip();
                notes.put(
                        name.group(2),
                        note.codePointCount(0, note.length()) > MAX_NOTE + 1
                                ? note.substring(0, note.offsetByCodePoints(0, MAX_NOTE + 1))
                                : note);
            }
        }
        return new AnswerForm(answers, notes);
    }

    /** The API's body: {@code {"answers": [{"dependant": "<branch>", "answer": …, "note": …}]}}. */
    Map<String, Object> body() {
        return Map.of(
                "answers",
                answers.entrySet().stream()
                        .map(answer -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("dependant", answer.getKey());
                            item.put("answer", answer.getValue());
                            item.put("note", notes.get(answer.getKey()));
                            return item;
                        })
                        .toList());
    }

    /** A returned verification's answers, to start from; nothing chosen otherwise. */
    static AnswerForm previous(VerificationState state) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        if ("RETURNED".equals(state.state()) && state.submission() != null) {
            for (VerificationState.SubmittedAnswer answer : state.submission().answers()) {
                answers.put(answer.dependant(), answer.answer());
                if (answer.note() != null) {
                    notes.put(answer.dependant(), answer.note());
                }
            }
        }
        return new AnswerForm(answers, notes);
    }
}
