package org.sscard.desk.check;

/** What an insurer answered about the person. */
sealed interface InsurerAnswer {

    record Found(Eligibility eligibility) implements InsurerAnswer {}

    /** 404: the insurer holds no eligibility record for the person (e.g. not yet imported there). */
    record NoRecord() implements InsurerAnswer {}

    /** Unreachable, too slow, or any other answer: the check cannot be completed with this insurer. */
    record Unavailable(String why) implements InsurerAnswer {}
}
