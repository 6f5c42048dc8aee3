package org.sscard.adapters.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.audit.WriteAudit;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.linkage.MemberEvents;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;
import org.sscard.common.time.PlatformDates;

/**
 * The administrator's member list, joiners and leavers. A registration is one transaction: the member row, the
 * event for the relay (linkage outbox), the write audit and the access-log entry commit together or not at all;
 * it waits for a running eligibility import of the same insurer (their common lock) and the import for it.
 */
@Service
class Members {

    static final String LIST_PURPOSE = "加入者一覧の確認 / member list";
    static final String JOIN_PURPOSE = "加入の登録 / registration of a joiner";
    static final String LOSS_PURPOSE = "資格喪失の登録 / registration of a loss of coverage";

    private final MemberStore store;
    private final MemberEvents events;
    private final WriteAudit audit;
    private final AccessLog accessLog;
    private final Clock clock;

    Members(MemberStore store, MemberEvents events, WriteAudit audit, AccessLog accessLog, Clock clock) {
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    Member.Page list(Provider provider, Caller operator, String q, int page, int size) {
        List<Member> items = store.page(provider, q, page, size);
        log(
                provider,
                operator,
                items.stream().map(Member::localId).toList(),
                AccessAction.MEMBER_LIST_READ,
                LIST_PURPOSE);
        return new Member.Page(items, page, size, store.count(provider, q));
    }

    @Transactional
    Member join(Provider provider, Caller operator, JoinRequest request) {
        Instant now = clock.instant();
        JoinerFields joiner = JoinerFields.of(request, provider, LocalDate.ofInstant(now, PlatformDates.ZONE));
        store.lock(provider);
        if (store.lockMember(provider, joiner.localId()).isPresent()) {
            throw new AdaptersException(AdaptersError.MEMBER_EXISTS, joiner.localId() + " is a member already");
        }
        store.insert(provider, joiner);
        events.joined(provider, joiner.localId());
        audit.record(
                provider,
                now,
                writer(operator),
                AccessAction.JOINER_REGISTERED.name(),
                null,
                joiner.localId(),
                null,
                joiner.auditFields(),
                JOIN_PURPOSE);
        log(provider, operator, List.of(joiner.localId()), AccessAction.JOINER_REGISTERED, JOIN_PURPOSE);
        return store.lockMember(provider, joiner.localId()).orElseThrow();
    }

    /** A loss on another date than the one registered corrects it (and tells the relay again). */
    @Transactional
    Member loss(Provider provider, Caller operator, String localId, LossRequest request) {
        Instant now = clock.instant();
        store.lock(provider);
        Member before = store.lockMember(provider, localId)
                .orElseThrow(() -> new AdaptersException(AdaptersError.NO_MEMBER, "no member " + localId));
        if (request.lostOn().isBefore(before.acquiredOn())) {
            throw new AdaptersException(
                    AdaptersError.INVALID_MEMBER, "lostOn: before the acquisition (" + before.acquiredOn() + ")");
        }
        if (request.lostOn().equals(before.lostOn())) {
            throw new AdaptersException(
                    AdaptersError.LOSS_ALREADY_REGISTERED, "the loss on " + before.lostOn() + " is registered");
        }
        LocalDate validToBefore = store.validTo(provider, localId);
        store.registerLoss(provider, localId, request.lostOn(), request.reasonText());
        events.left(provider, localId);
        audit.record(
                provider,
                now,
                writer(operator),
                AccessAction.LOSS_REGISTERED.name(),
                null,
                localId,
                lossFields(before.lostOn(), before.lossReason(), validToBefore),
                lossFields(
                        request.lostOn(), request.reasonText(), request.lostOn().minusDays(1)),
                LOSS_PURPOSE);
        log(provider, operator, List.of(localId), AccessAction.LOSS_REGISTERED, LOSS_PURPOSE);
        return store.lockMember(provider, localId).orElseThrow();
    }

    private void log(Provider provider, Caller operator, List<String> persons, AccessAction action, String purpose) {
        accessLog.recordFor(
                provider, persons, operator.who(), operator.organisation(), operator.role(), action, purpose);
    }

    private static Map<String, Object> lossFields(LocalDate lostOn, String reason, LocalDate validTo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lost_on", lostOn == null ? null : lostOn.toString());
        fields.put("loss_reason", reason);
        fields.put("valid_to", validTo == null ? null : validTo.toString());
        return fields;
    }

    private static WriteAudit.Writer writer(Caller operator) {
        return new WriteAudit.Writer(operator.who(), operator.organisation(), operator.role());
    }
}
