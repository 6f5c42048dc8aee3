package org.sscard.adapters.members;

import java.time.LocalDate;
import java.util.List;

/**
 * A member as the insurer's administrator sees it in the console: the IDs, the person's fields and the coverage
 * dates with the reason of a loss. Neither the address nor the provisional SSN: the administrator enters them and
 * the relay compares them; the list does not need them.
 */
record Member(
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

    /** One page of the list, in local ID order. */
    record Page(List<Member> items, int page, int size, long total) {}
}
