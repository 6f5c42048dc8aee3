package org.sscard.relay.linkage;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.mapping.ProviderLocalId;
import org.sscard.relay.provider.IdScheme;
import org.sscard.relay.provider.ProviderRef;

/**
 * Links an insurer's record to a person, the same way whether the five items agreed (AUTOMATIC) or an administrator
 * decided (REVIEWED): a mapping valid from the acquisition date (ended the day before the loss if the record already
 * carries one), then, if the person's coverage at another insurer began before it and ended within the year before
 * it, the new insurer is told
 * when ({@link CoverageNotices}). The caller has checked that nothing stands in the way ({@link #obstacle}).
 */
@Component
public class Linker {

    /** How a mapping came to be, as {@code service_mapping.linked_by} records it. */
    public enum LinkedBy {
        AUTOMATIC,
        REVIEWED
    }

    /** Why a record cannot be linked to a person now. */
    public enum Obstacle {
        /** The insurer's local ID is mapped already (to anyone, in any status but REMOVED). */
        LOCAL_ID_MAPPED,
        /** The person has another mapping at this insurer in the same period. */
        OVERLAPPING_MAPPING
    }

    /** How far before the new coverage the relay looks for an ended one to tell the new insurer of. */
    private static final int PREVIOUS_COVERAGE_DAYS = 366;

    private final LinkageMappings mappings;
    private final CoverageNotices notices;

    Linker(LinkageMappings mappings, CoverageNotices notices) {
        this.mappings = mappings;
        this.notices = notices;
    }

    /** What stands in the way of linking this record to this person, if anything. */
    public Obstacle obstacle(ProviderRef provider, long personId, ProviderRecord record) {
        if (mappings.localIdMapped(provider.id(), localId(record).canonical())) {
            return Obstacle.LOCAL_ID_MAPPED;
        }
        if (mappings.personOverlaps(personId, provider.id(), record.acquiredOn(), validTo(record))) {
            return Obstacle.OVERLAPPING_MAPPING;
        }
        return null;
    }

    /**
     * The mapping and the previous-coverage notice, in the caller's transaction; {@code actingFor}: whom the notice's
     * access-log row names (the administrator who decided; null for the gate).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void link(ProviderRef provider, long personId, ProviderRecord record, LinkedBy by, String actingFor) {
        ProviderLocalId localId = localId(record);
        LocalDate validTo = validTo(record);
        mappings.insert(new LinkageMappings.NewMapping(
                personId,
                provider.id(),
                localId,
                record.acquiredOn(),
                validTo,
                validTo == null ? null : Linkage.endReason(record.lossReason()),
                by.name(),
                record));
        mappings.previousCoverage(
                        personId,
                        provider.id(),
                        record.acquiredOn().minusDays(PREVIOUS_COVERAGE_DAYS),
                        record.acquiredOn())
                .ifPresent(previous -> notices.tell(
                        new CoverageNotices.Receiver(provider.id(), provider.key(), localId.canonical(), actingFor),
                        personId,
                        previous.nameJa(),
                        previous.nameEn(),
                        previous.validTo().plusDays(1)));
    }

    private static ProviderLocalId localId(ProviderRecord record) {
        return record.localId().normalisedFor(IdScheme.INSURANCE_CARD);
    }

    private static LocalDate validTo(ProviderRecord record) {
        return record.lostOn() == null ? null : Linkage.lastDayCovered(record.acquiredOn(), record.lostOn());
    }
}
