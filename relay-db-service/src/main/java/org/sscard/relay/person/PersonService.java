package org.sscard.relay.person;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.audit.Caller;
import org.sscard.relay.config.PersonalIdIssuer;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;

/** Persons in the relay. Every read or write of a person appends to the access log in the same transaction. */
@Service
public class PersonService {

    private final PersonRepository persons;
    private final AccessLog accessLog;
    private final Caller caller;
    private final PersonalIdFormat personalIds;
    private final PersonalIdIssuer issuer;
    private final Clock clock;

    PersonService(
            PersonRepository persons,
            AccessLog accessLog,
            Caller caller,
            PersonalIdFormat personalIds,
            PersonalIdIssuer issuer,
            Clock clock) {
        this.persons = persons;
        this.accessLog = accessLog;
        this.caller = caller;
        this.personalIds = personalIds;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Registers a person; without a personal ID in the request the relay issues a new one (never shown). */
    @Transactional
    public PersonView create(PersonRequests.CreatePerson request) {
        PersonalId personalId = request.personalId() == null ? issuer.issue() : personalIds.parse(request.personalId());
        String kana = KanaName.normalise(request.nameKana())
                .orElseThrow(() -> new RelayException(
                        CommonError.INVALID_FIELD, "nameKana: write the name in katakana or hiragana"));
        String address = Address.normalise(request.address()).orElse(null);
        if (address != null && address.length() > Address.MAX_LENGTH) {
            throw new RelayException(
                    CommonError.INVALID_FIELD, "address: at most " + Address.MAX_LENGTH + " characters");
        }
        if (persons.existsByPersonalId(personalId)) {
            throw new RelayException(RelayError.DUPLICATE_PERSON, "a person with this personal ID exists");
        }
        if (request.provisionalSsn() != null && persons.existsByProvisionalSsn(request.provisionalSsn())) {
            throw new RelayException(RelayError.DUPLICATE_PERSON, "this provisional social-security number is taken");
        }
        Instant now = clock.instant();
        String kanji = request.nameKanji() == null || request.nameKanji().isBlank()
                ? null
                : request.nameKanji().strip();
        long id = persons.insert(
                UUID.randomUUID(),
                personalId,
                kana,
                kanji,
                request.dateOfBirth(),
                request.sex(),
                request.provisionalSsn(),
                address,
                now);
        persons.updateStatus(id, PersonStatus.ACTIVE, "registered", caller.by(), now);
        accessLog.record(id, AccessAction.PERSON_CREATE, "registration", null);
        return persons.view(id);
    }

    @Transactional
    public PersonView read(UUID opaqueId) {
        PersonRef person = requireRef(opaqueId);
        accessLog.record(person.id(), AccessAction.PERSON_READ, "read person", null);
        return persons.view(person.id());
    }

    /** For the card issuer: the number its certificate will carry (logged as the issuer's read). */
    @Transactional
    public String personalIdOf(UUID opaqueId) {
        PersonRef person = requireRef(opaqueId);
        accessLog.record(person.id(), AccessAction.PERSONAL_ID_READ, "card issuance", null);
        return persons.personalIdOf(person.id());
    }

    @Transactional
    public PersonView changeStatus(UUID opaqueId, PersonRequests.ChangeStatus request) {
        PersonRef person = requireRefForUpdate(opaqueId);
        if (!person.status().canChangeTo(request.status())) {
            throw new RelayException(
                    RelayError.INVALID_STATE_CHANGE,
                    "a person in status " + person.status() + " cannot change to " + request.status());
        }
        persons.updateStatus(person.id(), request.status(), request.reason(), caller.by(), clock.instant());
        accessLog.record(person.id(), AccessAction.PERSON_STATUS_CHANGE, "status change", null);
        return persons.view(person.id());
    }

    @Transactional
    public PersonView lookup(PersonRequests.LookupByPersonalId request) {
        PersonalId personalId = personalIds.parse(request.personalId());
        PersonRef person = persons.refByPersonalId(personalId).orElseThrow(PersonService::notFound);
        accessLog.record(person.id(), AccessAction.LOOKUP_BY_PERSONAL_ID, "identify card holder", null);
        return persons.view(person.id());
    }

    @Transactional
    public PersonView lookup(PersonRequests.LookupByProvisionalSsn request) {
        // one answer for "no such number" and "wrong date of birth": the pair is the key
        PersonRef person = persons.refByProvisionalSsn(request.provisionalSsn(), request.dateOfBirth())
                .orElseThrow(PersonService::notFound);
        accessLog.record(person.id(), AccessAction.LOOKUP_BY_PROVISIONAL_SSN, "identify without card", null);
        return persons.view(person.id());
    }

    public PersonRef requireRef(UUID opaqueId) {
        return persons.refByOpaqueId(opaqueId, false).orElseThrow(PersonService::notFound);
    }

    /** Locks the person row: serialises changes to one person's mappings, cards and subscriptions. */
    public PersonRef requireRefForUpdate(UUID opaqueId) {
        return persons.refByOpaqueId(opaqueId, true).orElseThrow(PersonService::notFound);
    }

    /**
     * A card holder's handle and whether {@code personalId} is theirs, for the card login's check; the caller writes
     * the access-log row. A malformed personal ID is refused like everywhere else (never echoed).
     */
    public HolderCheck checkHolder(long personId, String personalId) {
        PersonRef holder = persons.refById(personId).orElseThrow(PersonService::notFound);
        boolean theirs = personalId != null
                && persons.refByPersonalId(personalIds.parse(personalId))
                        .map(found -> found.id() == personId)
                        .orElse(false);
        return new HolderCheck(holder, theirs);
    }

    public record HolderCheck(PersonRef holder, boolean personalIdMatches) {}

    public PersonView viewOf(long personId) {
        return persons.view(personId);
    }

    private static RelayException notFound() {
        return new RelayException(RelayError.PERSON_NOT_FOUND, "no such person");
    }
}
