package org.sscard.desk.check;

/** Why the SSN was used instead of the card. */
public enum Reason {
    CARD_UNREADABLE,
    CARD_FORGOTTEN
}
