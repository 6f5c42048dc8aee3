package org.sscard.desk.check;

/**
 * What the platform and the insurer said, decided: the outcome, and what goes with it. {@code insurer} is the key
 * whose record the coverage is (for the check record), null when none answered; {@code previousCoverage}
 * only with VALID.
 */
record Decision(
        Outcome outcome,
        Refusal refusal,
        Coverage coverage,
        NewCoverage newCoverage,
        String patientNumber,
        String insurer,
        PreviousCoverage previousCoverage) {

    Decision(
            Outcome outcome,
            Refusal refusal,
            Coverage coverage,
            NewCoverage newCoverage,
            String patientNumber,
            String insurer) {
        this(outcome, refusal, coverage, newCoverage, patientNumber, insurer, null);
    }

    static Decision refused(Refusal refusal) {
        return new Decision(Outcome.REFUSED, refusal, null, null, null, null);
    }

    static Decision none(String patientNumber) {
        return new Decision(Outcome.NONE, null, null, null, patientNumber, null);
    }

    static Decision notCompleted(String patientNumber, String insurer) {
        return new Decision(Outcome.NOT_COMPLETED, null, null, null, patientNumber, insurer);
    }
}
