package org.sscard.adapters.insurer;

import java.time.LocalDate;

/** One line of a monthly medical-expense notice (医療費のお知らせ); {@code month} is the month's first day. */
public record NoticeLine(
        LocalDate month, String institution, String careType, int days, long totalCost, long ownShare) {}
