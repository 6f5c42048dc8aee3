package org.sscard.relay.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.pki.RevocationReason;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.audit.Caller;
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
    private final Caller caller;
    private final Clock clock;

    CardService(
            CardRepository cards,
            PersonService persons,
            StaffService staff,
            AccessLog accessLog,
            Caller caller,
            Clock clock) {
        this.cards = cards;
        this.persons = persons;
        this.staff = staff;
        this.accessLog = accessLog;
        this.caller = caller;
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
        return withHistory(cards.byCardSerial(request.cardSerial(), false).orElseThrow());
    }

    @Transactional
    public CardView registerForStaff(UUID staffId, CardRequests.RegisterCard request) {
        long id = staff.requireId(staffId);
        if (staff.read(staffId).status() != org.sscard.relay.staff.StaffStatus.ACTIVE) {
            throw new RelayException(RelayError.INVALID_STATE_CHANGE, "tokens are issued to active staff only");
        }
        insert(null, id, request);
        return withHistory(cards.byCardSerial(request.cardSerial(), false).orElseThrow());
    }

    @Transactional
    public List<CardView> ofPerson(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        accessLog.record(person.id(), AccessAction.CARDS_READ, "read cards", null);
        return withHistories(cards.ofPerson(person.id()));
    }

    @Transactional(readOnly = true)
    public List<CardView> ofStaff(UUID staffId) {
        return withHistories(cards.ofStaff(staff.requireId(staffId)));
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
        Instant now = clock.instant();
        cards.updateStatus(card.id(), request.status(), reason, now);
        cards.recordStatus(card.id(), request.status(), reason == null ? null : reason.name(), caller.by(), now);
        if (card.personId() != null) {
            accessLog.record(card.personId(), AccessAction.CARD_STATUS_CHANGE, "card status change", null);
        }
        return withHistory(cards.byCardSerial(cardSerial, false).orElseThrow());
    }

    private CardView withHistory(CardRepository.Row card) {
        return withHistories(List.of(card)).get(0);
    }

    private List<CardView> withHistories(List<CardRepository.Row> rows) {
        Map<Long, List<CardView.StatusChange>> histories =
                cards.histories(rows.stream().map(CardRepository.Row::id).toList());
        return rows.stream()
                .map(row -> row.view().withHistory(histories.getOrDefault(row.id(), List.of())))
                .toList();
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
        Instant now = clock.instant();
        long card = cards.insert(personId, staffId, request, serial, sha256, now);
        cards.recordStatus(card, CardStatus.ACTIVE, "registered", caller.by(), now);
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
