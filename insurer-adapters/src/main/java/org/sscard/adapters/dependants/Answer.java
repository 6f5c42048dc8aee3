package org.sscard.adapters.dependants;

/** The insured person's answer for one dependant. */
public enum Answer {
    STILL_DEPENDANT,
    NO_LONGER_DEPENDANT
}
