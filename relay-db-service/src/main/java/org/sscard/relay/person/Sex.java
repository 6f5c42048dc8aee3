package org.sscard.relay.person;

/** ISO/IEC 5218 sex codes, as used on Japanese eligibility records. */
public enum Sex {
    MALE,
    FEMALE,
    NOT_KNOWN,
    NOT_APPLICABLE
}
