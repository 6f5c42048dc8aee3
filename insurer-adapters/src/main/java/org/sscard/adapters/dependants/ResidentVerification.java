package org.sscard.adapters.dependants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
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
 * The insured person's side of the dependant verification: this year's state, and the answers, all or nothing.
 * The caller is always the person themself (their own pairwise token); a dependant, or a member no longer
 * eligible, is refused. Every read and the submission are logged for the insured and for each dependant shown.
 */
@Service
class ResidentVerification {

    static final String PURPOSE = "被扶養者の確認 / dependant verification";
    /** How a dependant's own access log names the insured person who saw or answered for them. */
    static final String INSURED_ACTOR = "被保険者 / the insured person";

    private final Households households;
    private final Verifications verifications;
    private final AccessLog accessLog;
    private final WriteAudit audit;
    private final Clock clock;

    ResidentVerification(
            Households households, Verifications verifications, AccessLog accessLog, WriteAudit audit, Clock clock) {
        this.households = households;
        this.verifications = verifications;
        this.accessLog = accessLog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ResidentState state(Provider provider, Caller caller) {
        LocalDate today = FiscalYear.today(clock);
        MemberRow insured = insured(provider, caller, today);
        List<MemberRow> dependants = households.dependants(provider, insured, today);
        Optional<Verification> latest = verifications.latest(provider, insured.localId(), FiscalYear.of(today));
        log(provider, caller, insured, dependants, latest, AccessAction.DEPENDANT_VERIFICATION_READ);
        return view(provider, today, insured, dependants, latest);
    }

    @Transactional
    ResidentState submit(Provider provider, Caller caller, SubmitRequest request) {
        LocalDate today = FiscalYear.today(clock);
        MemberRow insured = insured(provider, caller, today);
        List<MemberRow> dependants = households.dependants(provider, insured, today);
        if (dependants.isEmpty()) {
            throw new AdaptersException(AdaptersError.NOTHING_TO_VERIFY, "no current dependants to answer for");
        }
        int year = FiscalYear.of(today);
        Optional<Verification> latest = verifications.latest(provider, insured.localId(), year);
        if (latest.isPresent() && latest.get().status() != Status.RETURNED) {
            throw alreadySubmitted(year);
        }
        Instant now = FiscalYear.now(clock);
        Verification verification = new Verification(
                UUID.randomUUID(),
                insured.localId(),
                year,
                Status.SUBMITTED,
                now,
                null,
                null,
                null,
                Answers.check(dependants, request));
        try {
            verifications.insert(provider, verification);
        } catch (DuplicateKeyException e) {
            // a second submission that raced this one: the unique index decided
            throw alreadySubmitted(year);
        }
        audit.record(
                provider,
                now,
                new WriteAudit.Writer("person:" + insured.localId(), null, null),
                "DEPENDANT_VERIFICATION_SUBMIT",
                verification.id(),
                insured.localId(),
                null,
                submitted(verification),
                null);
        log(
                provider,
                caller,
                insured,
                dependants,
                Optional.of(verification),
                AccessAction.DEPENDANT_VERIFICATION_SUBMIT);
        return view(provider, today, insured, dependants, Optional.of(verification));
    }

    /** The caller's own member row, if they are an insured person eligible today. */
    private MemberRow insured(Provider provider, Caller caller, LocalDate today) {
        MemberRow member = households
                .member(provider, caller.subject())
                .orElseThrow(() -> new AdaptersException(AdaptersError.NO_RECORD, "no member record for this person"));
        if (!MemberRow.INSURED.equals(member.relationship()) || !member.currentOn(today)) {
            throw new AdaptersException(
                    AdaptersError.NOT_INSURED, "only an insured person answers for their dependants");
        }
        return member;
    }

    /** The insured person's entry, and one for each dependant shown or answered for, naming the insured. */
    private void log(
            Provider provider,
            Caller caller,
            MemberRow insured,
            List<MemberRow> dependants,
            Optional<Verification> latest,
            AccessAction action) {
        accessLog.recordFor(provider, List.of(insured.localId()), caller.who(), null, null, action, PURPOSE);
        List<String> others = new ArrayList<>();
        dependants.forEach(d -> others.add(d.localId()));
        latest.ifPresent(v -> v.answers().forEach(a -> others.add(a.dependantLocalId())));
        accessLog.recordFor(provider, others, INSURED_ACTOR, null, null, action, PURPOSE);
    }

    private ResidentState view(
            Provider provider,
            LocalDate today,
            MemberRow insured,
            List<MemberRow> dependants,
            Optional<Verification> latest) {
        Map<String, MemberRow> answered = new HashMap<>();
        latest.ifPresent(v -> answered.putAll(households.members(
                provider,
                v.answers().stream()
                        .map(Verification.StoredAnswer::dependantLocalId)
                        .toList())));
        ResidentState.Submission submission = latest.map(v -> new ResidentState.Submission(
                        v.id(),
                        v.status(),
                        v.submittedAt(),
                        v.decidedAt(),
                        v.decisionReason(),
                        v.answers().stream()
                                .map(a -> {
                                    MemberRow d = answered.get(a.dependantLocalId());
                                    return new ResidentState.SubmittedAnswer(
                                            d == null ? Answers.branch(a.dependantLocalId()) : d.branch(),
                                            d == null ? null : d.nameKanji(),
                                            d == null ? null : d.nameKana(),
                                            a.answer(),
                                            a.note());
                                })
                                .toList()))
                .orElse(null);
        return new ResidentState(
                FiscalYear.of(today),
                ResidentState.state(!dependants.isEmpty(), latest),
                new ResidentState.Insured(
                        insured.symbol(), insured.number(), insured.branch(), insured.nameKanji(), insured.nameKana()),
                dependants.stream()
                        .map(d -> new ResidentState.Dependant(
                                d.branch(), d.nameKanji(), d.nameKana(), d.dateOfBirth(), d.relationship()))
                        .toList(),
                submission);
    }

    private static Map<String, Object> submitted(Verification verification) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", verification.status().name());
        after.put("fiscal_year", verification.fiscalYear());
        after.put(
                "answers",
                verification.answers().stream()
                        .map(a -> {
                            Map<String, Object> answer = new LinkedHashMap<>();
                            answer.put("dependant", a.dependantLocalId());
                            answer.put("answer", a.answer().name());
                            answer.put("note", a.note());
                            return answer;
                        })
                        .toList());
        return after;
    }

    private static AdaptersException alreadySubmitted(int year) {
        return new AdaptersException(
                AdaptersError.ALREADY_SUBMITTED, "the verification of fiscal year " + year + " was submitted already");
    }
}
