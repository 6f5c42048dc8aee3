package org.sscard.desk.check;

/**
 * Why a check was refused. {@code NOT_MATCHED} is the one answer for an unknown provisional SSN and for a wrong date
 * of birth: the desk must not tell which.
 */
public enum Refusal {
    CARD_REVOKED,
    CARD_SUSPENDED,
    CARD_EXPIRED,
    CARD_UNKNOWN,
    NOT_MATCHED
}
