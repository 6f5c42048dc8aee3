package org.sscard.console.backend;

import java.time.LocalDate;

/**
 * A member as the insurer holds them in its own database (insurer-adapters' {@code GET /<key>/api/v1/members}): the
 * canonical local ID {@code insurer|symbol|number|branch}, the person's items, and the coverage period (acquisition
 * date, and the loss date once registered: the first day not covered).
 */
public record Member(
        String localId,
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
        String lossReason) {

    /** The number as the insurance card prints it: symbol, number, branch. */
    public String cardNumber() {
        return (symbol == null ? "" : symbol + " ") + number + " " + branch;
    }

    /** Whether a loss of coverage is registered (it may still be corrected with another date). */
    public boolean lost() {
        return lostOn != null;
    }
}
