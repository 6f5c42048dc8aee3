package org.sscard.adapters.dependants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.WriteAudit;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.linkage.MemberEvents;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;

/**
 * The administrator's decision, each in one transaction with everything it writes. Accepting is the insurer's one
 * audited write path beside the CSV imports: every dependant answered NO_LONGER_DEPENDANT loses their eligibility
 * on the decision date ({@code lost_on} = that day, {@code valid_to} = the day before, as the imported rows have it),
 * with the member row's fields before and after in the write audit, an access-log entry for each person and, for
 * each dependant whose eligibility ended, a MEMBER_LEFT event for the relay (docs/imports.md). A
 * member row an import changed since the submission (gone, or no longer a dependant of this insured) refuses the
 * acceptance: the administrator returns the verification instead.
 */
@Service
class Decisions {

    /** The member's {@code loss_reason}, told to the relay with the date. */
    static final String LOSS_REASON = "被扶養者確認により扶養から外れた / no longer a dependant (dependant verification)";

    private final Verifications verifications;
    private final Households households;
    private final Review review;
    private final WriteAudit audit;
    private final MemberEvents events;
    private final Clock clock;

    Decisions(
            Verifications verifications,
            Households households,
            Review review,
            WriteAudit audit,
            MemberEvents events,
            Clock clock) {
        this.verifications = verifications;
        this.households = households;
        this.review = review;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ReviewItem accept(Provider provider, Caller operator, UUID id, String reason) {
        // the member table's writers' lock (an import's, a registration's) before any row or outbox lock: one
        // writer of members and their events at a time, always taking the locks in the same order
        households.lockTable(provider);
        Verification verification = submitted(provider, id);
        Instant now = FiscalYear.now(clock);
        LocalDate today = FiscalYear.day(now);
        WriteAudit.Writer writer = writer(operator);
        List<String> ended = new ArrayList<>();
        for (Verification.StoredAnswer answer : verification.answers()) {
            if (answer.answer() != Answer.NO_LONGER_DEPENDANT) {
                continue;
            }
            MemberRow before = households
                    .lock(provider, answer.dependantLocalId())
                    .filter(row -> MemberRow.DEPENDANT.equals(row.relationship())
                            && household(row.localId()).equals(household(verification.insuredLocalId())))
                    .orElseThrow(() -> new AdaptersException(
                            AdaptersError.MEMBER_CHANGED,
                            "the record of dependant " + Answers.branch(answer.dependantLocalId())
                                    + " changed since the submission"));
            if (!before.currentOn(today)) {
                continue; // ended already (an import said so): nothing to write
            }
            LocalDate validTo = today.minusDays(1);
            if (before.validTo() != null && before.validTo().isBefore(validTo)) {
                validTo = before.validTo();
            }
            households.endEligibility(provider, before.localId(), today, validTo, LOSS_REASON);
            // the relay ends its link of the dependant to this insurer (MEMBER_LEFT, in this transaction)
            events.left(provider, before.localId());
            audit.record(
                    provider,
                    now,
                    writer,
                    AccessAction.ELIGIBILITY_ENDED.name(),
                    verification.id(),
                    before.localId(),
                    before.eligibilityFields(),
                    before.ended(today, validTo).eligibilityFields(),
                    "被扶養者確認により扶養から外れた / no longer a dependant, by the dependant verification"
                            + (reason == null ? "" : ": " + reason));
            ended.add(before.localId());
        }
        decide(provider, operator, verification, Status.ACCEPTED, now, reason);
        review.log(provider, operator, verification.personLocalIds(), AccessAction.DEPENDANT_VERIFICATION_ACCEPT);
        review.log(provider, operator, ended, AccessAction.ELIGIBILITY_ENDED);
        return review.detail(provider, verifications.find(provider, id).orElseThrow());
    }

    /** Back to the insured person, who answers again (a new submission); nothing in the member data changes. */
    @Transactional
    ReviewItem giveBack(Provider provider, Caller operator, UUID id, String reason) {
        if (reason == null) {
            throw new AdaptersException(AdaptersError.REASON_REQUIRED, "a returned verification needs a reason");
        }
        Verification verification = submitted(provider, id);
        decide(provider, operator, verification, Status.RETURNED, FiscalYear.now(clock), reason);
        review.log(provider, operator, verification.personLocalIds(), AccessAction.DEPENDANT_VERIFICATION_RETURN);
        return review.detail(provider, verifications.find(provider, id).orElseThrow());
    }

    /** The verification, locked, if it still awaits a decision. */
    private Verification submitted(Provider provider, UUID id) {
        Verification verification = verifications
                .lock(provider, id)
                .orElseThrow(() -> new AdaptersException(AdaptersError.NO_VERIFICATION, "no verification " + id));
        if (verification.status() != Status.SUBMITTED) {
            throw new AdaptersException(
                    AdaptersError.VERIFICATION_DECIDED, "the verification is " + verification.status() + " already");
        }
        return verification;
    }

    private void decide(
            Provider provider, Caller operator, Verification verification, Status status, Instant at, String reason) {
        if (!verifications.decide(provider, verification.id(), status, at, operator.who(), reason)) {
            throw new AdaptersException(AdaptersError.VERIFICATION_DECIDED, "the verification was decided already");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("decided_at", at.toString());
        after.put("decided_by", operator.who());
        audit.record(
                provider,
                at,
                writer(operator),
                "DEPENDANT_VERIFICATION_" + (status == Status.ACCEPTED ? "ACCEPT" : "RETURN"),
                verification.id(),
                verification.insuredLocalId(),
                Map.of("status", Status.SUBMITTED.name()),
                after,
                reason);
    }

    private static WriteAudit.Writer writer(Caller operator) {
        return new WriteAudit.Writer(operator.who(), operator.organisation(), operator.role());
    }

    /** insurer|symbol|number of a local ID: the household. */
    private static String household(String localId) {
        return localId.substring(0, localId.lastIndexOf('|'));
    }
}
