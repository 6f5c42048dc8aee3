package org.sscard.adapters.audit;

/** What was done with a person's data; the name is what the access log shows. */
public enum AccessAction {
    ELIGIBILITY_READ,
    NOTICES_READ,
    NOTICES_PDF,
    CHECKUPS_READ,
    PENSION_READ,
    SUMMARY_READ,
    ACCESS_LOG_READ,
    /** The insured person's dependant verification: the insured (and each dependant) shown to the insured. */
    DEPENDANT_VERIFICATION_READ,
    /** The insured person submitted their answers (one row for them and one for each dependant answered for). */
    DEPENDANT_VERIFICATION_SUBMIT,
    /** The insurer's administrator looked at a submitted verification. */
    DEPENDANT_VERIFICATION_REVIEW,
    DEPENDANT_VERIFICATION_ACCEPT,
    DEPENDANT_VERIFICATION_RETURN,
    /** A dependant's eligibility ended (member.lost_on set) by an accepted verification: a write, not a read. */
    ELIGIBILITY_ENDED
}
