package org.sscard.relay.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.linkage.LinkageLog.Outcome;
import org.sscard.relay.linkage.LinkagePersons.Candidate;
import org.sscard.relay.person.PersonStatus;
import org.sscard.relay.provider.ProviderRef;

/**
 * A joiner (MEMBER_JOINED) through the five-item gate. A record the insurer has mapped already changes nothing. Else
 * the candidate is the person with the record's provisional SSN; the record is linked only when all five items are
 * present on both sides and equal, the person is an active resident and nothing stands in the way; anything less
 * waits in the review queue (MISMATCH with what differs, or NO_CANDIDATE), never linked by guess.
 */
@Component
class JoinerEffect {

    /** Beyond the five items: the candidate is no active resident (moved out, deceased, suspended). */
    static final String PERSON_NOT_ACTIVE = "PERSON_NOT_ACTIVE";

    /** Beyond the five items: the candidate has another mapping at this insurer in the same period. */
    static final String OVERLAPPING_MAPPING = "OVERLAPPING_MAPPING";

    private final LinkageMappings mappings;
    private final LinkagePersons persons;
    private final OpenReviews reviews;
    private final Linker linker;
    private final AccessLog accessLog;

    JoinerEffect(
            LinkageMappings mappings, LinkagePersons persons, OpenReviews reviews, Linker linker, AccessLog accessLog) {
        this.mappings = mappings;
        this.persons = persons;
        this.reviews = reviews;
        this.linker = linker;
        this.accessLog = accessLog;
    }

    Outcome apply(ProviderRef provider, MemberEvent.Joined joined) {
        if (mappings.localIdMapped(provider.id(), joined.localId())) {
            return Outcome.ALREADY_LINKED;
        }
        Optional<OpenReviews.OpenReview> open = reviews.openFor(provider.id(), joined.localId());
        ProviderRecord record =
                open.map(review -> keepLoss(joined.record(), review.record())).orElse(joined.record());
        Optional<Candidate> candidate =
                joined.provisionalSsn() == null ? Optional.empty() : persons.byProvisionalSsn(joined.provisionalSsn());
        if (candidate.isEmpty()) {
            return review(provider, joined, open, record, OpenReviews.NO_CANDIDATE, null, List.of());
        }
        Candidate person = candidate.get();
        List<String> differences = differences(provider, record, person);
        if (!differences.isEmpty()) {
            return review(provider, joined, open, record, OpenReviews.MISMATCH, person.id(), differences);
        }
        open.ifPresent(review -> reviews.withdraw(review.id(), "linked: a newer joiner event's five items agree"));
        linker.link(provider, person.id(), record, Linker.LinkedBy.AUTOMATIC, null);
        accessLog.recordAs(person.id(), AccessAction.MEMBER_LINKED, null, Linkage.PURPOSE_FIVE_ITEMS, provider.key());
        return Outcome.LINKED;
    }

    private List<String> differences(ProviderRef provider, ProviderRecord record, Candidate person) {
        List<String> differences = new ArrayList<>(FiveItems.differences(record.fiveItems(), person.items()));
        if (person.status() != PersonStatus.ACTIVE) {
            differences.add(PERSON_NOT_ACTIVE);
        }
        if (linker.obstacle(provider, person.id(), record) == Linker.Obstacle.OVERLAPPING_MAPPING) {
            differences.add(OVERLAPPING_MAPPING);
        }
        return differences;
    }

    /**
     * Opens the review, unless the same review is open already (the same joiner delivered again under a new event
     * ID, e.g. by a first import): a changed one replaces it.
     */
    private Outcome review(
            ProviderRef provider,
            MemberEvent.Joined joined,
            Optional<OpenReviews.OpenReview> open,
            ProviderRecord record,
            String kind,
            Long candidateId,
            List<String> differences) {
        if (open.isPresent()) {
            OpenReviews.OpenReview current = open.get();
            if (current.kind().equals(kind)
                    && Objects.equals(current.candidateId(), candidateId)
                    && current.record().equals(record)
                    && current.differences().equals(differences)) {
                return Outcome.IN_REVIEW;
            }
            reviews.withdraw(current.id(), "replaced by a newer joiner event for the same record");
        }
        reviews.open(
                provider.id(),
                kind,
                joined.localId(),
                candidateId,
                record,
                differences,
                joined.event().eventId());
        if (candidateId != null) {
            accessLog.recordAs(candidateId, AccessAction.LINK_REVIEW_OPENED, null, Linkage.PURPOSE, provider.key());
        }
        return Outcome.IN_REVIEW;
    }

    /** A loss registered while the record was in review stays with the record. */
    private static ProviderRecord keepLoss(ProviderRecord joined, ProviderRecord reviewed) {
        return joined.lostOn() == null && reviewed != null && reviewed.lostOn() != null
                ? joined.withLoss(reviewed.lostOn(), reviewed.lossReason())
                : joined;
    }
}
