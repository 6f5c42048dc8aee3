package org.sscard.adapters.insurer;

import java.time.LocalDate;

/** 資格: the fields of Japan's online eligibility result for one insured person or dependant. */
public record Eligibility(
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
        int copayPercent,
        String limitCategory,
        LocalDate validFrom,
        LocalDate validTo) {}
