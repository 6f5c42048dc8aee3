package org.sscard.auth.login;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayPerson;
import org.sscard.common.id.InvalidPersonalIdException;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;

/**
 * The resident card: subject {@code serialNumber=<44-digit personal ID>} and nothing else, a valid personal ID, the
 * card active in the relay and registered to the person with that ID, and the person active.
 */
@Component
class ResidentProfile {

    private final CardRegister cards;
    private final RelayDirectory relay;
    private final PersonalIdFormat personalIds;

    ResidentProfile(CardRegister cards, RelayDirectory relay, PersonalIdFormat personalIds) {
        this.cards = cards;
        this.relay = relay;
        this.personalIds = personalIds;
    }

    CardHolder verify(CardCertificate certificate) {
        if (!certificate.subjectWellFormed() || certificate.subject().size() != 1) {
            throw new LoginRefusedException(LoginRefusal.MALFORMED_SUBJECT, "the subject is not serialNumber alone");
        }
        String digits = certificate.single(BCStyle.SERIALNUMBER).orElseThrow(() ->
                new LoginRefusedException(LoginRefusal.MALFORMED_SUBJECT, "no single serialNumber in the subject"));
        PersonalId personalId;
        try {
            personalId = personalIds.parse(digits);
        } catch (InvalidPersonalIdException e) {
            throw new LoginRefusedException(LoginRefusal.INVALID_PERSONAL_ID, e.error().name());
        }
        RelayCard card = cards.requireActive(certificate, "PERSON");
        RelayPerson person = relay.personByPersonalId(personalId).orElseThrow(() ->
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
