package org.sscard.relay.card;

public enum CardStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED
}
