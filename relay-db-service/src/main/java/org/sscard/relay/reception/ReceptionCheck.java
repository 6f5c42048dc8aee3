package org.sscard.relay.reception;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.card.CardService;
import org.sscard.relay.card.CardStatus;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.PersonStatus;
import org.sscard.relay.provider.ProviderType;
import org.sscard.relay.staff.StaffRole;

/**
 * A reception check (auth-service, for its reception-check grant): is this clerk at a hospital's desk, who is the
 * patient (their card, or their provisional SSN and date of birth), and which insurer may be asked with which of its
 * own IDs? One transaction; every answer about an identified person writes one access-log row naming the clerk
 * ({@code RECEPTION_CHECK}, or {@code RECEPTION_CHECK_REFUSED} when the check refuses them, also when auth-service
 * says the CA refused the card's certificate or could not tell its status: {@code pkiRefusal}; and for a wrong date
 * of birth against an existing SSN, answered like an unknown SSN). The clerk must still hold the active staff card
 * they logged in with. A refusal that logged
 * or counted something is thrown only by {@link Outcome#orElseThrow()}, after its rows were committed.
 */
@Service
class ReceptionCheck {

    private static final Logger log = LoggerFactory.getLogger(ReceptionCheck.class);
    private static final Set<String> DESK_ROLES =
            Set.of(StaffRole.RECEPTION_CLERK.name(), StaffRole.HOSPITAL_ADMIN.name());

    private final ReceptionRepository reception;
    private final SsnMismatchLimit mismatches;
    private final AccessLog accessLog;
    private final Clock clock;

    ReceptionCheck(ReceptionRepository reception, SsnMismatchLimit mismatches, AccessLog accessLog, Clock clock) {
        this.reception = reception;
        this.mismatches = mismatches;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    Outcome check(ReceptionCheckRequest request) {
        requireComplete(request);
        if (!reception.isDeskStaff(
                request.clerk(),
                CardService.normaliseSerial(request.clerkCertificateSerial()),
                request.organisation(),
                DESK_ROLES,
                ProviderType.HOSPITAL,
                clock.instant())) {
            throw new RelayException(
                    RelayError.CLERK_NOT_ALLOWED,
                    "only active reception clerks and administrators of the hospital, with their active staff card,"
                            + " check at its desk");
        }
        try {
            long person = request.method() == ReceptionCheckRequest.Method.CARD ? byCard(request) : bySsn(request);
            return new Outcome(answer(person, request), null);
        } catch (Refusal refusal) {
            return new Outcome(null, refusal.exception);
        }
    }

    private long byCard(ReceptionCheckRequest request) {
        ReceptionRepository.ResidentCard card = reception
                .residentCard(CardService.normaliseSerial(request.certificateSerial()), request.personalId())
                .filter(ReceptionRepository.ResidentCard::personalIdMatches)
                .orElseThrow(() -> new RelayException(
                        RelayError.CARD_UNKNOWN, "no resident card of this person has that certificate"));
        if (request.pkiRefusal() != null) {
            // the CA's word stands, whatever the register says: the card is refused and its holder told who tried
            throw refuse(
                    card.personId(),
                    request,
                    switch (request.pkiRefusal()) {
                        case REVOKED -> RelayError.CARD_REVOKED;
                        case ON_HOLD -> RelayError.CARD_SUSPENDED;
                        case EXPIRED -> RelayError.CARD_EXPIRED;
                        // no answer about the patient while the card may be revoked; the holder still learns of it
                        case STATUS_UNKNOWN -> RelayError.CARD_STATUS_UNKNOWN;
                    },
                    "the CA refused the card's certificate or its status is unknown: " + request.pkiRefusal());
        }
        RelayError refused = switch (card.status()) {
            case SUSPENDED -> RelayError.CARD_SUSPENDED;
            case REVOKED -> RelayError.CARD_REVOKED;
            // the register's expiry date counts even before a status change has recorded it
            case EXPIRED -> RelayError.CARD_EXPIRED;
            case ACTIVE -> card.expiresAt().isAfter(clock.instant()) ? null : RelayError.CARD_EXPIRED;
        };
        if (refused != null) {
            throw refuse(
                    card.personId(),
                    request,
                    refused,
                    "the card's status is " + card.status()
                            + (card.status() == CardStatus.ACTIVE ? ", past its expiry date" : ""));
        }
        return requireActive(card.personId(), card.personStatus(), request);
    }

    private long bySsn(ReceptionCheckRequest request) {
        ReceptionRepository.SsnHolder holder = reception
                .bySsnForUpdate(request.provisionalSsn(), request.dateOfBirth())
                .orElseThrow(ReceptionCheck::notMatched);
        Instant now = clock.instant();
        if (!holder.dateOfBirthMatches()) {
            if (mismatches.record(holder.personId(), now, request.organisation(), request.clerk())) {
                log.warn(
                        "reception check: SSN mismatch limit reached for a person, by clerk {} at {}",
                        request.clerk(),
                        request.organisation());
            }
            // the holder learns that someone tried their SSN; the caller gets the unknown SSN's answer all the same
            accessLog.recordAs(
                    holder.personId(),
                    AccessAction.RECEPTION_CHECK_REFUSED,
                    actingFor(request),
                    request.purpose("date of birth did not match"),
                    request.organisation());
            throw new Refusal(notMatched());
        }
        if (mismatches.lockedOut(holder.personId(), now)) {
            // the right date after too many wrong ones: the same answer as a wrong date, but the person is told
            log.warn(
                    "reception check: right date refused after the SSN mismatch limit, clerk {} at {}",
                    request.clerk(),
                    request.organisation());
            accessLog.recordAs(
                    holder.personId(),
                    AccessAction.RECEPTION_CHECK_REFUSED,
                    actingFor(request),
                    request.purpose(),
                    request.organisation());
            throw new Refusal(notMatched());
        }
        return requireActive(holder.personId(), holder.status(), request);
    }

    private long requireActive(long person, PersonStatus status, ReceptionCheckRequest request) {
        if (status != PersonStatus.ACTIVE) {
            throw refuse(person, request, RelayError.PERSON_INACTIVE, "the person's status is " + status);
        }
        return person;
    }

    private ReceptionCheckView answer(long person, ReceptionCheckRequest request) {
        List<ReceptionRepository.InsurerRow> insurers = reception.insurerMappings(person);
        ReceptionRepository.InsurerRow chosen = insurers.stream()
                .filter(row ->
                        request.insurer() == null || row.mapping().providerKey().equals(request.insurer()))
                .findFirst()
                .orElse(null);
        if (chosen == null && request.insurer() != null) {
            throw refuse(person, request, RelayError.INSURER_NOT_FOUND, "the person has no mapping at that insurer");
        }
        String patientNumber =
                reception.patientNumber(person, request.organisation()).orElse(null);
        accessLog.recordAs(
                person, AccessAction.RECEPTION_CHECK, actingFor(request), request.purpose(), request.organisation());
        return new ReceptionCheckView(
                patientNumber,
                chosen == null
                        ? null
                        : new ReceptionCheckView.Insurer(chosen.mapping().providerKey(), chosen.localId()),
                chosen == null ? List.of() : chosen.staffOrganisations(),
                insurers.stream().map(ReceptionRepository.InsurerRow::mapping).toList());
    }

    /** Logs the refusal of an identified person and ends the check; the row is committed before the answer. */
    private Refusal refuse(long person, ReceptionCheckRequest request, RelayError error, String detail) {
        accessLog.recordAs(
                person,
                AccessAction.RECEPTION_CHECK_REFUSED,
                actingFor(request),
                request.purpose(),
                request.organisation());
        return new Refusal(new RelayException(error, detail));
    }

    private static void requireComplete(ReceptionCheckRequest request) {
        if (request.pkiRefusal() != null && request.method() != ReceptionCheckRequest.Method.CARD) {
            throw new RelayException(CommonError.INVALID_FIELD, "pkiRefusal comes with a card check only");
        }
        boolean complete = request.method() == ReceptionCheckRequest.Method.CARD
                ? request.certificateSerial() != null && request.personalId() != null
                : request.provisionalSsn() != null && request.dateOfBirth() != null && request.reason() != null;
        if (!complete) {
            throw new RelayException(
                    CommonError.INVALID_FIELD,
                    request.method() == ReceptionCheckRequest.Method.CARD
                            ? "a card check needs certificateSerial and personalId"
                            : "an SSN check needs provisionalSsn, dateOfBirth and reason");
        }
    }

    /** The staff member the relay checked, not what a header says: the clerk is who the row is about. */
    private static String actingFor(ReceptionCheckRequest request) {
        return "staff:" + request.clerk();
    }

    /** One answer for an unknown SSN and a wrong date of birth: the pair is the key, no hint which part failed. */
    private static RelayException notMatched() {
        return new RelayException(
                RelayError.PERSON_NOT_MATCHED, "no person has this provisional SSN with this date of birth");
    }

    /** Ends a check whose rows must be kept: caught in {@link #check}, so the transaction commits. */
    private static final class Refusal extends RuntimeException {

        private final RelayException exception;

        Refusal(RelayException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }

    /** The answer, or the refusal to answer once the transaction that logged it has committed. */
    record Outcome(ReceptionCheckView answer, RelayException refusal) {

        ReceptionCheckView orElseThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }
}
