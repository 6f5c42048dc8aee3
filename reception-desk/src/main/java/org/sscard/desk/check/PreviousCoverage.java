package org.sscard.desk.check;

import java.time.LocalDate;

/**
 * The person's previous insurer, when the coverage just confirmed began after another ended within the last 366
 * days: what a 資格喪失証明書 would tell the desk (the insurer's name and the loss date, the day after its last
 * covered day), nothing of the old membership itself. From the relay's mappings alone: that insurer is not asked.
 */
public record PreviousCoverage(String insurerNameJa, String insurerNameEn, LocalDate lostOn)
        implements java.io.Serializable {}
