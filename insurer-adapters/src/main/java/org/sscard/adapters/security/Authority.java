package org.sscard.adapters.security;

/** What a caller may do at one provider; granted per token by {@link ProviderTokens}, never by the token itself. */
public enum Authority {
    /** A person (or staff acting for them, of an allowed organisation) reading their own data. */
    PERSON_READ,
    /**
     * A hospital's reception desk checking the person's eligibility (staff acting with a {@code purpose=reception-check}
     * token): the eligibility only, never notices, checkups or the access log.
     */
    ELIGIBILITY_READ,
    /** An operator client of this provider loading files. */
    IMPORT,
    /**
     * The person themself (their own pairwise token, nobody acting for them) answering the insurer's annual dependant
     * verification; whether they are the insured is the data's to say.
     */
    DEPENDANTS_ANSWER,
    /** The insurer's own administrator (operator token) reviewing, accepting and returning dependant verifications. */
    DEPENDANTS_REVIEW,
    /** The insurer's own administrator (operator token) reading its member list. */
    MEMBER_LIST,
    /** The insurer's own administrator registering a joiner or a loss of coverage (each told to the relay). */
    MEMBER_REGISTER,
    /** The insurer's own administrator reading what the relay told it: previous-coverage notices. */
    LINKAGE_READ
}
