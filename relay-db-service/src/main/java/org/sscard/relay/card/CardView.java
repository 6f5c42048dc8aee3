package org.sscard.relay.card;

import java.time.Instant;
import java.util.UUID;
import org.sscard.common.pki.RevocationReason;

/** A card (resident IC card or staff USB token) and the certificate on it. */
public record CardView(
        String cardSerial,
        HolderType holderType,
        UUID holderId,
        String certificateSerial,
        String certificateSha256,
        CardStatus status,
        RevocationReason revocationReason,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant statusChangedAt) {

    public enum HolderType {
        PERSON,
        STAFF
    }
}
