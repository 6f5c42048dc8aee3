package org.sscard.desk.check;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** 資格: insurer-adapters' answer at {@code GET /<insurer>/api/v1/eligibility}, as it sends it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Eligibility(
        String insurerNumber,
        String symbol,
        String number,
        String branch,
        String relationship,
        String nameKanji,
        String nameKana,
        LocalDate dateOfBirth,
        String sex,
        LocalDate acquiredOn,
        LocalDate lostOn,
        Integer copayPercent,
        String limitCategory,
        LocalDate validFrom,
        LocalDate validTo) {

    /**
     * Whether the answer names whose coverage it is and since when: without the insurer number, the insured's
     * number and the acquisition date a 200 is no record the desk can bill against, so it is no answer at all.
     */
    boolean complete() {
        return present(insurerNumber) && present(number) && acquiredOn != null;
    }

    /**
     * The day the coverage ends: the loss date when the record has one; otherwise, when the record's validity end
     * (有効終了日) has passed, the day after it, since an insurer may close a record without writing the loss date.
     */
    LocalDate lostOn(LocalDate today) {
        if (lostOn != null) {
            return lostOn;
        }
        return validTo != null && validTo.isBefore(today) ? validTo.plusDays(1) : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
