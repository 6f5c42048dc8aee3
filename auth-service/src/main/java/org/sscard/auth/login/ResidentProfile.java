package org.sscard.auth.login;

import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayPerson;

/**
 * The resident login's relay layer, after {@link CardProfileCheck} has read the personal ID from the certificate:
 * the card active in the relay and registered to the person with that ID, and the person active.
 */
@Component
class ResidentProfile {

    private final CardRegister cards;
    private final RelayDirectory relay;

    ResidentProfile(CardRegister cards, RelayDirectory relay) {
        this.cards = cards;
        this.relay = relay;
    }

    CardHolder verify(CertifiedCard resident) {
        CardCertificate certificate = resident.certificate();
        RelayCard card = cards.requireActive(certificate, "PERSON");
        RelayPerson person = relay.personByPersonalId(resident.personalId()).orElseThrow(() ->
                new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "no person with the card's personal ID"));
        if (!person.id().equals(card.holderId())) {
            throw new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "card registered to another person");
        }
        if (!"ACTIVE".equals(person.status())) {
            throw new LoginRefusedException(LoginRefusal.PERSON_INACTIVE, "person " + person.status());
        }
        return CardHolder.resident(person.id().toString(), certificate.serialHex());
    }
}
