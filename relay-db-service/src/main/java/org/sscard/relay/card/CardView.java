package org.sscard.relay.card;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sscard.common.pki.RevocationReason;

/**
 * A card (resident IC card or staff USB token) and the certificate on it; {@code history}: every status it has had,
 * oldest first (absent where only the current status is asked, as by certificate serial).
 */
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
        Instant statusChangedAt,
        List<StatusChange> history) {

    CardView withHistory(List<StatusChange> changes) {
        return new CardView(
                cardSerial,
                holderType,
                holderId,
                certificateSerial,
                certificateSha256,
                status,
                revocationReason,
                issuedAt,
                expiresAt,
                revokedAt,
                statusChangedAt,
                List.copyOf(changes));
    }

    /**
     * One status of the card: when, why (the RFC 5280 reason, or "registered") and by whom (the staff member the
     * caller acted for, else the calling client).
     */
    public record StatusChange(CardStatus status, String reason, Instant at, String by) {}

    public enum HolderType {
        PERSON,
        STAFF
    }
}
