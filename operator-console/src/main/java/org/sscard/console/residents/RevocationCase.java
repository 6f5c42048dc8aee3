package org.sscard.console.residents;

/**
 * Why a card is revoked for good, as the counter says it, and the RFC 5280 CRLReason the card issuer records: a
 * damaged card and a deceased holder both end the card's use ({@code cessationOfOperation}); a PIN or card in
 * someone else's hands is a {@code keyCompromise}. A lost card is suspended, not revoked; a replacement is a reissue
 * ({@code superseded}).
 */
enum RevocationCase {
    DAMAGED("cessationOfOperation"),
    DECEASED("cessationOfOperation"),
    KEY_COMPROMISE("keyCompromise");

    private final String crlReason;

    RevocationCase(String crlReason) {
        this.crlReason = crlReason;
    }

    String crlReason() {
        return crlReason;
    }

    static RevocationCase of(String name) {
        for (RevocationCase value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
