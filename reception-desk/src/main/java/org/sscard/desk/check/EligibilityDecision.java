package org.sscard.desk.check;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract's decision rules. The grant first, without an audience (the relay picks the person's newest
 * insurer); that insurer's eligibility record then decides: valid today, lost (with the newer insurer when the
 * relay maps one), or, when that insurer holds no record, the next older insurer is asked with a grant of its own.
 * Each insurer is asked at most once, and at most {@code maxInsurers} in all. No record anywhere: NONE. Anything
 * that does not answer: NOT_COMPLETED, the paper card's turn. A VALID coverage names the previous insurer when an
 * older mapping ended within the last 366 days.
 */
final class EligibilityDecision {

    /** How long after its end an older insurer is still named as the previous coverage. */
    static final int PREVIOUS_COVERAGE_DAYS = 366;

    private final ReceptionGrants grants;
    private final Insurers insurers;
    private final int maxInsurers;

    EligibilityDecision(ReceptionGrants grants, Insurers insurers, int maxInsurers) {
        this.grants = grants;
        this.insurers = insurers;
        this.maxInsurers = maxInsurers;
    }

    Decision decide(String actorToken, CheckRequest request, LocalDate today) {
        GrantAnswer answer = grants.grant(actorToken, request, null);
        Set<String> asked = new HashSet<>();
        String patientNumber = null;
        while (true) {
            if (answer instanceof GrantAnswer.Refused refused) {
                return refusedGrant(refused, patientNumber);
            }
            GrantAnswer.Granted granted = (GrantAnswer.Granted) answer;
            asked.add(granted.insurer());
            patientNumber = granted.patientNumber() != null ? granted.patientNumber() : patientNumber;
            InsurerAnswer eligibility = insurers.eligibility(granted.insurer(), granted.accessToken());
            if (eligibility instanceof InsurerAnswer.Found found) {
                if (found.eligibility() == null || !found.eligibility().complete()) {
                    // a 200 without whose coverage it is cannot be billed against: the paper card's turn
                    return Decision.notCompleted(patientNumber, granted.insurer());
                }
                return fromRecord(found.eligibility(), granted, patientNumber, today);
            }
            if (eligibility instanceof InsurerAnswer.Unavailable) {
                return Decision.notCompleted(patientNumber, granted.insurer());
            }
            InsurerMapping older = olderNotAsked(granted, asked);
            if (older == null || asked.size() >= maxInsurers) {
                return Decision.none(patientNumber);
            }
            answer = grants.grant(actorToken, request, older.key());
        }
    }

    private static Decision refusedGrant(GrantAnswer.Refused refused, String patientNumber) {
        GrantError error = refused.error();
        if (error.refusal() != null) {
            return Decision.refused(error.refusal());
        }
        return switch (error) {
            case NO_COVERAGE ->
                Decision.none(refused.patientNumber() != null ? refused.patientNumber() : patientNumber);
            case INVALID_GRANT -> throw new ClerkLoginRejectedException();
            default -> Decision.notCompleted(patientNumber, null);
        };
    }

    /** The first insurer older than the one that answered (the list is newest first) and not asked yet. */
    private static InsurerMapping olderNotAsked(GrantAnswer.Granted granted, Set<String> asked) {
        List<InsurerMapping> all = granted.insurers();
        int index = indexOf(all, granted.insurer());
        for (int i = index + 1; i < all.size(); i++) {
            if (!asked.contains(all.get(i).key())) {
                return all.get(i);
            }
        }
        return null;
    }

    private static Decision fromRecord(
            Eligibility record, GrantAnswer.Granted granted, String patientNumber, LocalDate today) {
        List<InsurerMapping> all = granted.insurers();
        int index = indexOf(all, granted.insurer());
        InsurerMapping mapping = index >= 0 ? all.get(index) : null;
        LocalDate lostOn = record.lostOn(today);
        Coverage coverage = Coverage.of(record, mapping == null ? null : mapping.nameJa(), lostOn);
        boolean lost = lostOn != null && !lostOn.isAfter(today);
        boolean notYet = record.acquiredOn().isAfter(today);
        if (lost) {
            if (index > 0) {
                InsurerMapping newest = all.get(0);
                return new Decision(
                        Outcome.LOST_WITH_NEW_COVERAGE_KNOWN,
                        null,
                        coverage,
                        new NewCoverage(newest.key(), newest.nameJa(), newest.nameEn()),
                        patientNumber,
                        granted.insurer());
            }
            return new Decision(Outcome.LOST, null, coverage, null, patientNumber, granted.insurer());
        }
        if (notYet) {
            // recorded, but from a later day: nothing covers today
            return new Decision(Outcome.NONE, null, coverage, null, patientNumber, granted.insurer());
        }
        boolean anotherCoversToday =
                all.stream().anyMatch(other -> !other.key().equals(granted.insurer()) && other.covers(today));
        if (anotherCoversToday) {
            return new Decision(Outcome.SEVERAL, null, coverage, null, patientNumber, granted.insurer());
        }
        return new Decision(
                Outcome.VALID,
                null,
                coverage,
                null,
                patientNumber,
                granted.insurer(),
                index < 0 ? null : previousCoverage(all.subList(index + 1, all.size()), today));
    }

    /**
     * The newest of the older mappings whose validity ended before today and within the last 366 days, as a loss
     * on the day after (the list is newest first). What the relay told the new insurer, so the desk says it too.
     */
    private static PreviousCoverage previousCoverage(List<InsurerMapping> older, LocalDate today) {
        LocalDate earliest = today.minusDays(PREVIOUS_COVERAGE_DAYS);
        for (InsurerMapping mapping : older) {
            LocalDate validTo = mapping.validTo();
            if (validTo != null && validTo.isBefore(today) && !validTo.isBefore(earliest)) {
                return new PreviousCoverage(mapping.nameJa(), mapping.nameEn(), validTo.plusDays(1));
            }
        }
        return null;
    }

    private static int indexOf(List<InsurerMapping> all, String key) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
