package org.sscard.auth.login;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayDirectory;

/** The relay's card register: the presented certificate must be a registered, active card of the right kind. */
@Component
class CardRegister {

    private final RelayDirectory relay;

    CardRegister(RelayDirectory relay) {
        this.relay = relay;
    }

    RelayCard requireActive(CardCertificate certificate, String holderType) {
        RelayCard card = relay.cardByCertificateSerial(certificate.serialHex())
                .orElseThrow(() -> new LoginRefusedException(LoginRefusal.CARD_UNKNOWN, "no card with this serial"));
        if (!MessageDigest.isEqual(certificate.sha256Hex().getBytes(StandardCharsets.US_ASCII),
                String.valueOf(card.certificateSha256()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "fingerprint differs from the register");
        }
        switch (String.valueOf(card.status())) {
            case "ACTIVE" -> {
                // the only status that logs in
            }
            case "SUSPENDED" -> throw new LoginRefusedException(LoginRefusal.CARD_SUSPENDED, "card " + card.cardSerial());
            case "REVOKED" -> throw new LoginRefusedException(LoginRefusal.CARD_REVOKED, "card " + card.cardSerial());
            case "EXPIRED" -> throw new LoginRefusedException(LoginRefusal.CARD_EXPIRED, "card " + card.cardSerial());
            default -> throw new LoginRefusedException(LoginRefusal.CARD_REVOKED, "unknown status " + card.status());
        }
        if (!holderType.equals(card.holderType())) {
            throw new LoginRefusedException(LoginRefusal.WRONG_PROFILE, "card registered for " + card.holderType());
        }
        return card;
    }
}
