package org.sscard.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayCardLogin;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.common.id.PersonalId;

/**
 * The relay's card register: the presented certificate must be a registered, active card of the right kind. One call
 * to the relay answers this and who holds the card; the profiles judge the holder.
 */
@Component
class CardRegister {

    private final RelayDirectory relay;

    CardRegister(RelayDirectory relay) {
        this.relay = relay;
    }

    /** The active card of {@code holderType} (PERSON or STAFF) with its holder, or a refusal naming why not. */
    RelayCardLogin requireActive(CardCertificate certificate, String holderType, Optional<PersonalId> personalId) {
        RelayCardLogin found = relay.cardLogin(certificate.serialHex(), personalId)
                .orElseThrow(() -> new LoginRefusedException(LoginRefusal.CARD_UNKNOWN, "no card with this serial"));
        RelayCard card = found.card();
        if (!MessageDigest.isEqual(
                certificate.sha256Hex().getBytes(StandardCharsets.US_ASCII),
                String.valueOf(card.certificateSha256())
                        .toLowerCase(Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "fingerprint differs from the register");
        }
        switch (String.valueOf(card.status())) {
            case "ACTIVE" -> {
                // the only status that logs in
            }
            case "SUSPENDED" ->
                throw new LoginRefusedException(LoginRefusal.CARD_SUSPENDED, "card " + card.cardSerial());
            case "REVOKED" -> throw new LoginRefusedException(LoginRefusal.CARD_REVOKED, "card " + card.cardSerial());
            case "EXPIRED" -> throw new LoginRefusedException(LoginRefusal.CARD_EXPIRED, "card " + card.cardSerial());
            default -> throw new LoginRefusedException(LoginRefusal.CARD_REVOKED, "unknown status " + card.status());
        }
        if (!holderType.equals(card.holderType())) {
            throw new LoginRefusedException(LoginRefusal.WRONG_PROFILE, "card registered for " + card.holderType());
        }
        if (found.holder() == null || !card.holderId().equals(found.holder().id())) {
            // the relay answers both from one row; anything else is a broken answer, and a login fails closed
            throw new LoginRefusedException(LoginRefusal.RELAY_UNAVAILABLE, "the relay's answer names no holder");
        }
        return found;
    }
}
