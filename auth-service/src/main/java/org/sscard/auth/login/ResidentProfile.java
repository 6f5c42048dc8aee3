package org.sscard.auth.login;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCardLogin;

/**
 * The resident login's relay layer, after {@link CardProfileCheck} has read the personal ID from the certificate:
 * the card active in the relay and registered to the person with that ID, and the person active.
 */
@Component
class ResidentProfile {

    private final CardRegister cards;

    ResidentProfile(CardRegister cards) {
        this.cards = cards;
    }

    CardHolder verify(CertifiedCard resident) {
        CardCertificate certificate = resident.certificate();
        RelayCardLogin.Holder person = cards.requireActive(certificate, "PERSON", Optional.of(resident.personalId()))
                .holder();
        if (!Boolean.TRUE.equals(person.personalIdMatches())) {
            throw new LoginRefusedException(
                    LoginRefusal.CARD_MISMATCH, "the card's personal ID is not its registered holder's");
        }
        if (!"ACTIVE".equals(person.status())) {
            throw new LoginRefusedException(LoginRefusal.PERSON_INACTIVE, "person " + person.status());
        }
        return CardHolder.resident(person.id().toString(), certificate.serialHex());
    }
}
