package org.sscard.desk.check;

import java.time.LocalDate;

/** One of the person's insurers as the relay maps them (the grant's {@code insurers}, newest first). */
record InsurerMapping(String key, String nameJa, String nameEn, LocalDate validFrom, LocalDate validTo) {

    /** The relay's mapping says it covers {@code day}. */
    boolean covers(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
