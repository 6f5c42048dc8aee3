package org.sscard.adapters.insurer;

import java.util.List;

/**
 * A calendar year's notices, as the medical-expense deduction (医療費控除) counts them, with the year's totals;
 * {@code years}: every year the insurer has notices for, newest first.
 */
public record NoticeYear(int year, List<NoticeLine> lines, long totalCost, long ownShare, List<Integer> years) {

    static NoticeYear of(int year, List<NoticeLine> lines, List<Integer> years) {
        return new NoticeYear(
                year,
                List.copyOf(lines),
                lines.stream().mapToLong(NoticeLine::totalCost).sum(),
                lines.stream().mapToLong(NoticeLine::ownShare).sum(),
                List.copyOf(years));
    }
}
