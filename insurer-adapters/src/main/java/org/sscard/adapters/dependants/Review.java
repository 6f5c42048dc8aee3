package org.sscard.adapters.dependants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.audit.WriteAudit;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;

/**
 * The insurer administrator's reading of the verifications: the queue and one verification. Every person shown (the
 * insured and each dependant answered for) gets an access-log entry naming the administrator ({@code staff:<id>}).
 */
@Service
class Review {

    static final String PURPOSE = "被扶養者の確認の審査 / review of the dependant verification";

    private final Verifications verifications;
    private final Households households;
    private final AccessLog accessLog;
    private final WriteAudit audit;

    Review(Verifications verifications, Households households, AccessLog accessLog, WriteAudit audit) {
        this.verifications = verifications;
        this.households = households;
        this.accessLog = accessLog;
        this.audit = audit;
    }

    @Transactional
    ReviewItem.Page list(Provider provider, Caller operator, Status status, int page, int size) {
        List<Verification> found = verifications.page(provider, status, page, size);
        List<String> persons = new ArrayList<>();
        found.forEach(v -> persons.addAll(v.personLocalIds()));
        log(provider, operator, persons, AccessAction.DEPENDANT_VERIFICATION_REVIEW);
        Map<String, MemberRow> members = households.members(provider, persons);
        return new ReviewItem.Page(
                found.stream().map(v -> item(v, members, null)).toList(),
                page,
                size,
                verifications.count(provider, status));
    }

    @Transactional
    ReviewItem one(Provider provider, Caller operator, UUID id) {
        Verification verification = verifications
                .find(provider, id)
                .orElseThrow(() -> new AdaptersException(AdaptersError.NO_VERIFICATION, "no verification " + id));
        log(provider, operator, verification.personLocalIds(), AccessAction.DEPENDANT_VERIFICATION_REVIEW);
        return detail(provider, verification);
    }

    /** The verification with its members as they are now and its history. */
    ReviewItem detail(Provider provider, Verification verification) {
        return item(
                verification,
                households.members(provider, verification.personLocalIds()),
                audit.forVerification(provider, verification.id()));
    }

    void log(Provider provider, Caller operator, List<String> persons, AccessAction action) {
        accessLog.recordFor(
                provider, persons, operator.who(), operator.organisation(), operator.role(), action, PURPOSE);
    }

    private static ReviewItem item(Verification v, Map<String, MemberRow> members, List<WriteAudit.Entry> history) {
        return new ReviewItem(
                v.id(),
                v.fiscalYear(),
                v.status(),
                v.submittedAt(),
                v.decidedAt(),
                v.decidedBy(),
                v.decisionReason(),
                ReviewItem.Member.of(v.insuredLocalId(), members.get(v.insuredLocalId())),
                v.answers().stream()
                        .map(a -> new ReviewItem.ReviewAnswer(
                                ReviewItem.Member.of(a.dependantLocalId(), members.get(a.dependantLocalId())),
                                a.answer(),
                                a.note()))
                        .toList(),
                history);
    }
}
