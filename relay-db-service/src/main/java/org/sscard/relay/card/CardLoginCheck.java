package org.sscard.relay.card;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.staff.StaffService;
import org.sscard.relay.staff.StaffView;

/**
 * The card login's one question to the relay (auth-service, after the certificate passed): the card registered for
 * this certificate, and its holder — a person's status and whether the certificate's personal ID is theirs, or a
 * staff member's status, organisation and role. One transaction and, for a person, one access-log row. The answer
 * is the register's; auth-service decides whether that is a login.
 */
@Service
class CardLoginCheck {

    private final CardRepository cards;
    private final PersonService persons;
    private final StaffService staff;
    private final AccessLog accessLog;

    CardLoginCheck(CardRepository cards, PersonService persons, StaffService staff, AccessLog accessLog) {
        this.cards = cards;
        this.persons = persons;
        this.staff = staff;
        this.accessLog = accessLog;
    }

    @Transactional
    CardLoginView check(CardRequests.LoginCheck request) {
        CardRepository.Row card = cards.byCertificateSerial(CardService.normaliseSerial(request.certificateSerial()))
                .orElseThrow(() -> new RelayException(RelayError.CARD_NOT_FOUND, "no card with that certificate"));
        if (card.personId() != null) {
            PersonService.HolderCheck holder = persons.checkHolder(card.personId(), request.personalId());
            accessLog.record(card.personId(), AccessAction.CARD_LOGIN_CHECK, "card login", null);
            return new CardLoginView(
                    card.view(),
                    new CardLoginView.Holder(
                            holder.holder().opaqueId(),
                            holder.holder().status().name(),
                            holder.personalIdMatches(),
                            null,
                            null,
                            null,
                            null));
        }
        StaffView member = staff.read(card.view().holderId());
        return new CardLoginView(
                card.view(),
                new CardLoginView.Holder(
                        member.id(),
                        member.status().name(),
                        null,
                        member.organisation(),
                        member.role().name(),
                        member.nameKanji(),
                        member.nameKana()));
    }
}
