package org.sscard.relay.linkage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.linkage.LinkageLog.Outcome;
import org.sscard.relay.provider.ProviderRef;

/**
 * A leaver (MEMBER_LEFT): the insurer's mappings of that local ID still valid on the loss date, or ended by an
 * earlier loss the insurer now corrects to a later date, end the day before (never before they began), and every other insurer that covers the person then, with a coverage that began after
 * this one, is told when this coverage ended (an older insurer is never told of the newer coverage).
 * A record still in review keeps the loss, so that a later link is made ended. A leaver the relay maps nobody for is
 * recorded (NO_MAPPING) and answered as applied: it never blocks the insurer's stream. A suspended (disputed) mapping
 * ends too, silently: no access-log row on the person it names, no notice to their other insurers.
 */
@Component
class LeaverEffect {

    private final LinkageMappings mappings;
    private final OpenReviews reviews;
    private final CoverageNotices notices;
    private final AccessLog accessLog;
    private final JdbcClient jdbc;

    LeaverEffect(
            LinkageMappings mappings,
            OpenReviews reviews,
            CoverageNotices notices,
            AccessLog accessLog,
            JdbcClient jdbc) {
        this.mappings = mappings;
        this.reviews = reviews;
        this.notices = notices;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    Outcome apply(ProviderRef provider, MemberEvent.Left left) {
        reviews.openFor(provider.id(), left.localId())
                .ifPresent(review ->
                        reviews.replaceRecord(review.id(), review.record().withLoss(left.lostOn(), left.reason())));
        List<LinkageMappings.Endable> ended = mappings.endable(provider.id(), left.localId(), left.lostOn());
        if (ended.isEmpty()) {
            return Outcome.NO_MAPPING;
        }
        // each person told of, with the latest start of their mappings ended here: only newer insurers are told
        Map<Long, LocalDate> persons = new LinkedHashMap<>();
        for (LinkageMappings.Endable mapping : ended) {
            mappings.end(
                    mapping.id(),
                    Linkage.lastDayCovered(mapping.validFrom(), left.lostOn()),
                    Linkage.endReason(left.reason()));
            // a disputed link may be someone else's record: it ends, but nothing is written on the person it names
            // and no insurer of theirs is told (only the linkage log records the event)
            if (!mapping.suspended()) {
                persons.merge(mapping.personId(), mapping.validFrom(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        String[] names = names(provider.id());
        for (Map.Entry<Long, LocalDate> entry : persons.entrySet()) {
            long person = entry.getKey();
            accessLog.recordAs(person, AccessAction.COVERAGE_LOST_REGISTERED, null, Linkage.PURPOSE, provider.key());
            for (LinkageMappings.InsurerMapping other :
                    mappings.currentAtOtherInsurers(person, provider.id(), left.lostOn(), entry.getValue())) {
                notices.tell(
                        new CoverageNotices.Receiver(other.providerId(), other.providerKey(), other.localId(), null),
                        person,
                        names[0],
                        names[1],
                        left.lostOn());
            }
        }
        return Outcome.ENDED_MAPPING;
    }

    /** The leaving insurer's names, Japanese and English, as the new insurer is told them. */
    private String[] names(long providerId) {
        return jdbc.sql("SELECT name_ja, name_en FROM provider WHERE id = :id")
                .param("id", providerId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }
}
