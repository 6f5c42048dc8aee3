package org.sscard.adapters.dependants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sscard.adapters.provider.Provider;

/**
 * For My Portal's tile (the summary): whether this year's dependant verification concerns the person, and its state,
 * so that the portal links to it only then. Names no dependant: the summary's own access-log entry covers it.
 */
@Component
public class DependantsSummary {

    /** {@code state} as {@link ResidentState}'s, never NOT_REQUIRED (then there is no summary). */
    public record Due(int fiscalYear, String state) {}

    private final Households households;
    private final Verifications verifications;
    private final Clock clock;

    DependantsSummary(Households households, Verifications verifications, Clock clock) {
        this.households = households;
        this.verifications = verifications;
        this.clock = clock;
    }

    public Optional<Due> of(Provider provider, String localId) {
        LocalDate today = FiscalYear.today(clock);
        return households
                .member(provider, localId)
                .filter(member -> MemberRow.INSURED.equals(member.relationship()) && member.currentOn(today))
                .flatMap(insured -> {
                    int year = FiscalYear.of(today);
                    String state = ResidentState.state(
                            !households.dependants(provider, insured, today).isEmpty(),
                            verifications.latest(provider, insured.localId(), year));
                    return ResidentState.NOT_REQUIRED.equals(state)
                            ? Optional.empty()
                            : Optional.of(new Due(year, state));
                });
    }
}
