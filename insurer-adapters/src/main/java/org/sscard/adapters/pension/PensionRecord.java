package org.sscard.adapters.pension;

import java.time.LocalDate;
import java.util.List;

/**
 * The pension office's view of one person: contributions by fiscal year and the projected yearly amounts.
 * Demonstration data only, and said so ({@code demo}, {@code notice}) wherever it is shown.
 */
public record PensionRecord(
        boolean demo,
        String notice,
        List<Contribution> contributions,
        int totalMonths,
        int exemptMonths,
        long totalAmount,
        List<Projection> projections) {

    public static final String DEMO_NOTICE =
            "デモ用の架空データです。実際の年金記録ではありません。" + " / Demonstration data only, not a real pension record.";

    public record Contribution(int fiscalYear, String scheme, int months, int exemptMonths, long amount) {}

    public record Projection(int startAge, long annualBasic, long annualEmployees, LocalDate asOf) {

        public long annualTotal() {
            return annualBasic + annualEmployees;
        }
    }
}
