package org.sscard.console.backend;

import java.time.Instant;
import java.util.List;

/** A resident's card in the relay's register, with its status history (oldest first). */
public record Card(
        String cardSerial,
        String certificateSerial,
        String status,
        String revocationReason,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant statusChangedAt,
        List<Event> history) {

    public Card {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One status change: what, why (RFC 5280 reason), when, by whom ({@code staff:<uuid>} or a client). */
    public record Event(String status, String reason, Instant at, String by) {}

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }

    /** A card that still counts (active or on hold) can be revoked or reissued; a revoked or expired one not. */
    public boolean isLive() {
        return isActive() || isSuspended();
    }
}
