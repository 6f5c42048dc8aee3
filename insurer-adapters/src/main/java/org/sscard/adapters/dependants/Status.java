package org.sscard.adapters.dependants;

/** A verification's status: submitted by the insured, then accepted or returned by the insurer's administrator. */
public enum Status {
    SUBMITTED,
    ACCEPTED,
    RETURNED
}
