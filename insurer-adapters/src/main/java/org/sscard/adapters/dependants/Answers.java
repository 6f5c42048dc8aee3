package org.sscard.adapters.dependants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;

/** Checks a submission against the current dependants: each answered exactly once, nothing else, notes short. */
final class Answers {

    static final int MAX_NOTE = 200;

    private Answers() {}

    static List<Verification.StoredAnswer> check(List<MemberRow> dependants, SubmitRequest request) {
        Map<String, MemberRow> byBranch = new LinkedHashMap<>();
        dependants.forEach(d -> byBranch.put(d.branch(), d));
        Map<String, SubmitRequest.Item> given = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        TreeSet<String> twice = new TreeSet<>();
        for (SubmitRequest.Item item : request.answers()) {
            String branch = item.dependant().strip();
            if (!byBranch.containsKey(branch)) {
                unknown.add(branch);
            } else if (given.putIfAbsent(branch, item) != null) {
                twice.add(branch);
            }
        }
        TreeSet<String> missing = new TreeSet<>(byBranch.keySet());
        missing.removeAll(given.keySet());
        if (!missing.isEmpty() || !unknown.isEmpty() || !twice.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("not answered: " + String.join(", ", missing));
            }
            if (!unknown.isEmpty()) {
                problems.add("not a current dependant: " + String.join(", ", unknown));
            }
            if (!twice.isEmpty()) {
                problems.add("answered more than once: " + String.join(", ", twice));
            }
            throw new AdaptersException(
                    AdaptersError.ANSWERS_INVALID,
                    "every current dependant must be answered exactly once (" + String.join("; ", problems) + ")");
        }
        return byBranch.entrySet().stream()
                .map(e -> new Verification.StoredAnswer(
                        e.getValue().localId(),
                        given.get(e.getKey()).answer(),
                        note(given.get(e.getKey()).note())))
                .toList();
    }

    /** The branch of a local ID (insurer|symbol|number|branch). */
    static String branch(String localId) {
        return localId.substring(localId.lastIndexOf('|') + 1);
    }

    private static String note(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String note = raw.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw new AdaptersException(
                    AdaptersError.ANSWERS_INVALID, "a note is longer than " + MAX_NOTE + " characters");
        }
        if (note.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new AdaptersException(AdaptersError.ANSWERS_INVALID, "a note contains control characters");
        }
        return note;
    }
}
