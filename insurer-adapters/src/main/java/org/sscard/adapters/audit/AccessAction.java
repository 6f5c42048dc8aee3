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
    ELIGIBILITY_ENDED,
    /** The insurer's administrator saw the person in the member list (one entry per member shown). */
    MEMBER_LIST_READ,
    /** The insurer's administrator registered the person as a joiner (a write; the relay is told). */
    JOINER_REGISTERED,
    /** The insurer's administrator registered the end of the person's coverage (a write; the relay is told). */
    LOSS_REGISTERED,
    /** The relay told this insurer when the person's previous coverage (elsewhere) ended. */
    PREVIOUS_COVERAGE_RECEIVED,
    /** The insurer's administrator read the previous-coverage notices (one entry per member shown). */
    PREVIOUS_COVERAGE_READ
}
