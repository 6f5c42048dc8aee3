package org.sscard.desk.check;

/** The online-eligibility validity codes, plus the desk's own two: refused, and not completed. */
public enum Outcome {
    /** Coverage valid today. */
    VALID,
    /** Coverage lost on a date, no newer insurer known. */
    LOST,
    /** Coverage lost, and the platform knows the person's newer insurer. */
    LOST_WITH_NEW_COVERAGE_KNOWN,
    /** No coverage on record anywhere. */
    NONE,
    /** More than one coverage valid today: which one applies is for the paper card to say. */
    SEVERAL,
    /** The card or the SSN and date of birth were refused ({@link Refusal} says why). */
    REFUSED,
    /** The insurer or the platform did not answer in time: confirm with the paper insurance card. */
    NOT_COMPLETED
}
