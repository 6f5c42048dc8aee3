package org.sscard.console.backend;

import java.time.LocalDate;
import java.util.UUID;

/** A member of an insurer: the person and the insurer's mapping for them ({@code /providers/{key}/members}). */
public record Member(
        UUID personId,
        String nameKana,
        String nameKanji,
        LocalDate dateOfBirth,
        String sex,
        UUID mappingId,
        String insurerNumber,
        String insuranceSymbol,
        String insuranceNumber,
        String insuranceBranch,
        String localNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String status) {

    /** Whether the membership is open (no end date), so that it can be ended. */
    public boolean open() {
        return validTo == null;
    }
}
