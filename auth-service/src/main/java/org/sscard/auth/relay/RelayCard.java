package org.sscard.auth.relay;

import java.util.UUID;

/** A card in the relay's card register: {@code holderType} PERSON or STAFF, {@code status} ACTIVE, SUSPENDED, ... */
public record RelayCard(
        String cardSerial,
        String holderType,
        UUID holderId,
        String certificateSerial,
        String certificateSha256,
        String status) {}
