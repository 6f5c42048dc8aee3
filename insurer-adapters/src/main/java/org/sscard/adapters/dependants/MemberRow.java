package org.sscard.adapters.dependants;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a member row the verification shows and may change. */
record MemberRow(
        String localId,
        String insurerNumber,
        String symbol,
        String number,
        String branch,
        String relationship,
        String nameKanji,
        String nameKana,
        LocalDate dateOfBirth,
        LocalDate lostOn,
        LocalDate validTo) {

    static final String INSURED = "INSURED";
    static final String DEPENDANT = "DEPENDANT";

    /** Still eligible on {@code day}: not lost, or lost only later. */
    boolean currentOn(LocalDate day) {
        return lostOn == null || lostOn.isAfter(day);
    }

    boolean sameHousehold(MemberRow other) {
        return insurerNumber.equals(other.insurerNumber) && symbol.equals(other.symbol) && number.equals(other.number);
    }

    MemberRow ended(LocalDate newLostOn, LocalDate newValidTo) {
        return new MemberRow(
                localId,
                insurerNumber,
                symbol,
                number,
                branch,
                relationship,
                nameKanji,
                nameKana,
                dateOfBirth,
                newLostOn,
                newValidTo);
    }

    /** What an end of eligibility changes, for the write audit's before and after. */
    Map<String, Object> eligibilityFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lost_on", lostOn == null ? null : lostOn.toString());
        fields.put("valid_to", validTo == null ? null : validTo.toString());
        return fields;
    }
}
