package org.sscard.desk.check;

import java.time.LocalDate;

/**
 * The insurer's eligibility record, in the online-eligibility vocabulary: insurer number, symbol, number, branch
 * (枝番), name and kana, date of birth, sex, relationship (insured or dependant), co-payment percentage, limit
 * category, qualification and loss dates (the loss date as the desk counts it: the day after an ended validity when
 * the insurer wrote none). Nothing else about the person.
 */
public record Coverage(
        String insurerNumber,
        String insurerName,
        String symbol,
        String number,
        String branch,
        String nameKanji,
        String nameKana,
        LocalDate dateOfBirth,
        String sex,
        String relationship,
        Integer copayPercent,
        String limitCategory,
        LocalDate acquiredOn,
        LocalDate lostOn)
        implements java.io.Serializable {

    static Coverage of(Eligibility record, String insurerName, LocalDate lostOn) {
        return new Coverage(
                record.insurerNumber(),
                insurerName,
                record.symbol(),
                record.number(),
                record.branch(),
                record.nameKanji(),
                record.nameKana(),
                record.dateOfBirth(),
                record.sex(),
                record.relationship(),
                record.copayPercent(),
                record.limitCategory(),
                record.acquiredOn(),
                lostOn);
    }
}
