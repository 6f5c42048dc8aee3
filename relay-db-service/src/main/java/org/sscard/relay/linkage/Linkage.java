package org.sscard.relay.linkage;

import java.time.LocalDate;

/** The words and rules the linkage's parts share. */
final class Linkage {

    /** The access log's purpose for what the linkage does on its own. */
    static final String PURPOSE = "保険者間連携 / inter-insurer linkage";

    /** The purpose of a link the gate made. */
    static final String PURPOSE_FIVE_ITEMS = "保険者間連携（5項目一致）/ linkage (five items agree)";

    private Linkage() {}

    /** A mapping ended by a loss on {@code lostOn} is valid to the day before, never before it began. */
    static LocalDate lastDayCovered(LocalDate validFrom, LocalDate lostOn) {
        LocalDate dayBefore = lostOn.minusDays(1);
        return dayBefore.isBefore(validFrom) ? validFrom : dayBefore;
    }

    /** The mapping's end reason for a loss (at most 200 characters, the column's size). */
    static String endReason(String reason) {
        String text = reason == null || reason.isBlank() ? "loss of coverage" : "loss of coverage: " + reason.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
