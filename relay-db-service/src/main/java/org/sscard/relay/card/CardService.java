package org.sscard.relay.card;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.pki.RevocationReason;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.PersonRef;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.person.PersonStatus;
import org.sscard.relay.staff.StaffService;

/** Cards and their certificates; the status here is what card login checks beside CRL and OCSP. */
@Service
public class CardService {

    private final CardRepository cards;
    private final PersonService persons;
    private final StaffService staff;
    private final AccessLog accessLog;
    private final Clock clock;

    CardService(CardRepository cards, PersonService persons, StaffService staff, AccessLog accessLog, Clock clock) {
        this.cards = cards;
        this.persons = persons;
        this.staff = staff;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public CardView registerForPerson(UUID personId, CardRequests.RegisterCard request) {
        PersonRef person = persons.requireRefForUpdate(personId);
        if (person.status() != PersonStatus.ACTIVE) {
            throw new RelayException(RelayError.INVALID_STATE_CHANGE, "cards are issued to active persons only");
        }
        insert(person.id(), null, request);
        accessLog.record(person.id(), AccessAction.CARD_REGISTER, "card issuance", null);
        return cards.byCardSerial(request.cardSerial(), false).orElseThrow().view();
    }

    @Transactional
    public CardView registerForStaff(UUID staffId, CardRequests.RegisterCard request) {
        long id = staff.requireId(staffId);
        if (staff.read(staffId).status() != org.sscard.relay.staff.StaffStatus.ACTIVE) {
            throw new RelayException(RelayError.INVALID_STATE_CHANGE, "tokens are issued to active staff only");
        }
        insert(null, id, request);
        return cards.byCardSerial(request.cardSerial(), false).orElseThrow().view();
    }

    @Transactional
    public List<CardView> ofPerson(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        accessLog.record(person.id(), AccessAction.CARDS_READ, "read cards", null);
        return cards.ofPerson(person.id()).stream()
                .map(CardRepository.Row::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CardView> ofStaff(UUID staffId) {
        return cards.ofStaff(staff.requireId(staffId)).stream()
                .map(CardRepository.Row::view)
                .toList();
    }

    /** Card status by certificate serial (hex), as the login's relay check asks it. */
    @Transactional
    public CardView byCertificateSerial(String serialHex) {
        CardRepository.Row card = cards.byCertificateSerial(normaliseSerial(serialHex))
                .orElseThrow(() -> new RelayException(RelayError.CARD_NOT_FOUND, "no card with that certificate"));
        if (card.personId() != null) {
            accessLog.record(card.personId(), AccessAction.CARD_STATUS_READ, "card status check", null);
        }
        return card.view();
    }

    @Transactional
    public CardView changeStatus(String cardSerial, CardRequests.ChangeCardStatus request) {
        CardRepository.Row card = cards.byCardSerial(cardSerial, true)
                .orElseThrow(() -> new RelayException(RelayError.CARD_NOT_FOUND, "no such card"));
        RevocationReason reason = CardTransitions.reasonFor(card.view().status(), request);
        cards.updateStatus(card.id(), request.status(), reason, clock.instant());
        if (card.personId() != null) {
            accessLog.record(card.personId(), AccessAction.CARD_STATUS_CHANGE, "card status change", null);
        }
        return cards.byCardSerial(cardSerial, false).orElseThrow().view();
    }

    private void insert(Long personId, Long staffId, CardRequests.RegisterCard request) {
        if (!request.expiresAt().isAfter(request.issuedAt())) {
            throw new RelayException(CommonError.INVALID_FIELD, "expiresAt must be after issuedAt");
        }
        String serial = normaliseSerial(request.certificateSerial());
        String sha256 = request.certificateSha256().toLowerCase(Locale.ROOT);
        if (cards.exists(request.cardSerial(), serial, sha256)) {
            throw new RelayException(
                    RelayError.DUPLICATE_CARD,
                    "a card with this serial, certificate serial or fingerprint is registered");
        }
        cards.insert(personId, staffId, request, serial, sha256, clock.instant());
    }

    /** Lower-case hex without leading zeros, so that 0x00ab and AB name the same certificate. */
    public static String normaliseSerial(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{1,64}")) {
            throw new RelayException(CommonError.MALFORMED_REQUEST, "a certificate serial is 1-64 hex digits");
        }
        String stripped = hex.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return stripped;
    }
}
