package org.sscard.adapters.members;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.imports.Text;
import org.sscard.adapters.provider.Provider;

/**
 * A joiner's fields normalised the way the eligibility import normalises a file's (NFKC, katakana, the branch as two
 * digits, the SSN as its 12 digits), and checked as it checks them: so the same person typed in the console or sent
 * in a file is the same row, and the relay compares the same strings. The lengths are checked as stored (NFKC
 * may make one character four), within what the relay takes in an event: a value it refused would stop the
 * insurer's whole stream.
 */
record JoinerFields(
        String localId,
        String insurerNumber,
        String symbol,
        String number,
        String branch,
        String relationship,
        String nameKanji,
        String nameKana,
        LocalDate dateOfBirth,
        String sex,
        String address,
        String provisionalSsn,
        LocalDate acquiredOn,
        int copayPercent,
        String limitCategory) {

    static JoinerFields of(JoinRequest request, Provider provider, LocalDate today) {
        String symbol = Text.normal(request.symbol());
        if (symbol.isEmpty() || symbol.length() > 20 || symbol.indexOf('|') >= 0) {
            throw invalid("symbol", "up to 20 characters without |");
        }
        String number = Text.normal(request.number());
        if (!number.matches("[0-9A-Za-z-]{1,20}")) {
            throw invalid("number", "up to 20 letters, digits or -");
        }
        String branch = Text.normal(request.branch());
        if (!branch.matches("[0-9]{1,2}")) {
            throw invalid("branch", "1–2 digits");
        }
        branch = branch.length() == 1 ? "0" + branch : branch;
        String kana = Text.kana(request.nameKana());
        if (kana.isEmpty() || !Text.isKatakana(kana)) {
            throw invalid("nameKana", "kana only");
        }
        if (kana.length() > 60) {
            throw invalid("nameKana", "up to 60 characters");
        }
        String kanji = Text.kanjiName(request.nameKanji());
        if (kanji.isEmpty()) {
            throw invalid("nameKanji", "required");
        }
        if (kanji.length() > 60) {
            throw invalid("nameKanji", "up to 60 characters");
        }
        String address = blank(request.address()) ? null : Text.normal(request.address());
        if (address != null && address.length() > 300) {
            throw invalid("address", "up to 300 characters");
        }
        String ssn = blank(request.provisionalSsn()) ? null : Text.provisionalSsn(request.provisionalSsn());
        if (!blank(request.provisionalSsn()) && ssn == null) {
            throw invalid("provisionalSsn", "12 digits");
        }
        if (request.dateOfBirth().isAfter(today)) {
            throw invalid("dateOfBirth", "in the future");
        }
        if (request.acquiredOn().isBefore(request.dateOfBirth())) {
            throw invalid("acquiredOn", "before the date of birth");
        }
        int copay = request.copayPercent();
        if (copay != 10 && copay != 20 && copay != 30) {
            throw invalid("copayPercent", "10, 20 or 30");
        }
        String insurer = provider.insurerNumber();
        return new JoinerFields(
                insurer + "|" + symbol + "|" + number + "|" + branch,
                insurer,
                symbol,
                number,
                branch,
                request.relationship(),
                kanji,
                kana,
                request.dateOfBirth(),
                request.sex(),
                address,
                ssn,
                request.acquiredOn(),
                copay,
                blank(request.limitCategory()) ? null : Text.normal(request.limitCategory()));
    }

    /**
     * What the write audit keeps of the new row: every field but the provisional SSN, of which only whether it was
     * given (the audit is kept for good; the SSN stays in the member row alone).
     */
    Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("symbol", symbol);
        fields.put("number", number);
        fields.put("branch", branch);
        fields.put("relationship", relationship);
        fields.put("name_kanji", nameKanji);
        fields.put("name_kana", nameKana);
        fields.put("date_of_birth", dateOfBirth.toString());
        fields.put("sex", sex);
        fields.put("address", address);
        fields.put("provisional_ssn_given", provisionalSsn != null);
        fields.put("acquired_on", acquiredOn.toString());
        fields.put("copay_percent", copayPercent);
        fields.put("limit_category", limitCategory);
        fields.put("valid_from", acquiredOn.toString());
        return fields;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static AdaptersException invalid(String field, String expected) {
        return new AdaptersException(AdaptersError.INVALID_MEMBER, field + ": " + expected);
    }
}
