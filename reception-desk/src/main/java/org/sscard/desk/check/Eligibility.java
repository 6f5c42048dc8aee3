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
        LocalDate validTo) {}
