package org.sscard.relay.linkage.review;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.audit.Caller;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.linkage.LinkagePersons;
import org.sscard.relay.linkage.Linker;
import org.sscard.relay.linkage.ProviderRecord;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * An insurer administrator's review queue. Reading a review shows the relay's five items of the person it concerns
 * (the candidate, or the person a disputed link names) and writes LINK_REVIEW_READ on them; deciding writes
 * LINK_REVIEW_DECIDED, both naming the staff member. Who may call is the controller's check (the insurer's own
 * administrator only).
 */
@Service
class ReviewService {

    private final ReviewRepository reviews;
    private final ProviderRegistry providers;
    private final LinkagePersons persons;
    private final Linker linker;
    private final AccessLog accessLog;
    private final Caller caller;
    private final Clock clock;

    ReviewService(
            ReviewRepository reviews,
            ProviderRegistry providers,
            LinkagePersons persons,
            Linker linker,
            AccessLog accessLog,
            Caller caller,
            Clock clock) {
        this.reviews = reviews;
        this.providers = providers;
        this.persons = persons;
        this.linker = linker;
        this.accessLog = accessLog;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewViews.Page list(String providerKey, boolean open, int page, int size) {
        long provider = providers.requireRef(providerKey).id();
        return new ReviewViews.Page(
                reviews.page(provider, open, page, size).stream()
                        .map(ReviewService::item)
                        .toList(),
                page,
                size,
                reviews.count(provider, open));
    }

    @Transactional
    public ReviewViews.Detail read(String providerKey, UUID id) {
        ReviewRepository.Row review = require(providers.requireRef(providerKey), id, false);
        Concerned concerned = concerned(review, false);
        if (concerned.personId() != null) {
            accessLog.recordAs(
                    concerned.personId(),
                    AccessAction.LINK_REVIEW_READ,
                    caller.actingFor(),
                    "照合の確認 / link review",
                    providerKey);
        }
        return detail(review, concerned);
    }

    @Transactional
    public ReviewViews.Detail decide(String providerKey, UUID id, ReviewViews.DecisionRequest request) {
        // the insurer's row first, as a push does: one mapping change at a time per insurer, in one lock order
        ProviderRef provider = providers.requireRefForUpdate(providerKey);
        ReviewRepository.Row review = require(provider, id, true);
        if (!"OPEN".equals(review.status())) {
            throw new RelayException(RelayError.REVIEW_DECIDED, "the review was decided: " + review.status());
        }
        Decision decision = request.decision();
        if (!decision.allowedFor(review.kind())) {
            throw new RelayException(
                    RelayError.DECISION_NOT_ALLOWED,
                    decision + " is not a decision for a " + review.kind() + " review");
        }
        Concerned concerned = concerned(review, true);
        switch (decision) {
            case LINK -> link(provider, review);
            case CONFIRM_NOT_THEIRS -> reviews.removeMapping(review.mappingId());
            case REINSTATE -> reviews.reinstateMapping(review.mappingId());
            case REJECT -> {
                // the record stays unlinked; a later joiner event for it goes through the gate again
            }
        }
        reviews.decide(
                review.id(), decision.status(), caller.by(), request.reason().strip(), clock.instant());
        if (concerned.personId() != null) {
            accessLog.recordAs(
                    concerned.personId(),
                    AccessAction.LINK_REVIEW_DECIDED,
                    caller.actingFor(),
                    "照合の判断 / link review decision: " + decision,
                    providerKey);
        }
        return detail(require(provider, id, false), concerned);
    }

    private void link(ProviderRef provider, ReviewRepository.Row review) {
        LinkagePersons.Candidate candidate = persons.byId(review.candidateId());
        LinkOverride.check(review.record(), candidate);
        Linker.Obstacle obstacle = linker.obstacle(provider, candidate.id(), review.record());
        if (obstacle == Linker.Obstacle.LOCAL_ID_MAPPED) {
            throw new RelayException(
                    RelayError.DUPLICATE_MAPPING, "this local ID is mapped already; reject the review instead");
        }
        if (obstacle == Linker.Obstacle.OVERLAPPING_MAPPING) {
            throw new RelayException(
                    RelayError.OVERLAPPING_VALIDITY,
                    "the person has another mapping at this insurer in that period: register its loss first");
        }
        linker.link(provider, candidate.id(), review.record(), Linker.LinkedBy.REVIEWED, caller.actingFor());
    }

    private ReviewRepository.Row require(ProviderRef provider, UUID id, boolean forUpdate) {
        return reviews.find(provider.id(), id, forUpdate)
                .orElseThrow(() -> new RelayException(
                        RelayError.REVIEW_NOT_FOUND, "'" + provider.key() + "' has no such link review"));
    }

    /**
     * The person the review concerns and the insurer's record to show: the candidate (MISMATCH), the person the
     * disputed mapping names with the record as linked, or nobody (NO_CANDIDATE).
     */
    private Concerned concerned(ReviewRepository.Row review, boolean forUpdate) {
        return switch (review.kind()) {
            case MISMATCH -> new Concerned(review.candidateId(), review.record());
            case NO_CANDIDATE -> new Concerned(null, review.record());
            case DISPUTED -> {
                ReviewRepository.DisputedMapping mapping = reviews.disputedMapping(review.mappingId(), forUpdate);
                ProviderRecord shown = review.record() != null
                        ? review.record()
                        : mapping.record() != null ? mapping.record() : mapping.idFields();
                yield new Concerned(mapping.personId(), shown);
            }
        };
    }

    private ReviewViews.Detail detail(ReviewRepository.Row review, Concerned concerned) {
        return new ReviewViews.Detail(
                review.opaqueId(),
                review.kind(),
                review.status(),
                review.localId(),
                review.openedAt(),
                review.differences(),
                ReviewViews.InsurerRecord.of(concerned.record()),
                // the relay's record only while the review is open: a decided review is no look-up of the person
                concerned.personId() == null || !"OPEN".equals(review.status())
                        ? null
                        : persons.byId(concerned.personId()).items(),
                review.kind() == ReviewKind.DISPUTED ? review.residentNote() : null,
                review.decidedAt() == null
                        ? null
                        : new ReviewViews.DecisionView(
                                Decision.ofStatus(review.status()),
                                review.reason(),
                                review.decidedAt(),
                                review.decidedBy()));
    }

    private static ReviewViews.Item item(ReviewRepository.Row review) {
        return new ReviewViews.Item(
                review.opaqueId(),
                review.kind(),
                review.localId(),
                review.status(),
                review.openedAt(),
                review.differences(),
                review.decidedAt(),
                Decision.ofStatus(review.status()));
    }

    private record Concerned(Long personId, ProviderRecord record) {}
}
