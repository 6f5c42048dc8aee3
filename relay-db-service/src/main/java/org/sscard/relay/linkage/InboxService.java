package org.sscard.relay.linkage;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.linkage.Inbox;
import org.sscard.relay.linkage.LinkageLog.Outcome;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;
import org.sscard.relay.provider.ProviderType;

/**
 * Applies a batch an insurer pushed, in order and in one transaction: each event's ID goes into the inbox (source
 * {@code provider:<key>}) with its effect, so an event pushed again is applied once; the insurer's row is locked, so
 * two pushes for one insurer never interleave. Every event, applied or duplicate, leaves a row in the linkage log.
 */
@Service
class InboxService {

    private final ProviderRegistry providers;
    private final Inbox inbox;
    private final JoinerEffect joiners;
    private final LeaverEffect leavers;
    private final LinkageLog linkageLog;

    InboxService(
            ProviderRegistry providers,
            Inbox inbox,
            JoinerEffect joiners,
            LeaverEffect leavers,
            LinkageLog linkageLog) {
        this.providers = providers;
        this.inbox = inbox;
        this.joiners = joiners;
        this.leavers = leavers;
        this.linkageLog = linkageLog;
    }

    @Transactional
    public Applied apply(String providerKey, List<MemberEvent> events) {
        ProviderRef provider = providers.requireRefForUpdate(providerKey);
        if (provider.type() != ProviderType.INSURER) {
            throw EventFields.invalid("'" + providerKey + "' is no insurer: only insurers push joiners and leavers");
        }
        String source = "provider:" + providerKey;
        int applied = 0;
        int duplicates = 0;
        for (MemberEvent event : events) {
            Outcome outcome;
            if (!inbox.firstDelivery(source, event.event())) {
                outcome = Outcome.DUPLICATE;
                duplicates++;
            } else {
                outcome = event instanceof MemberEvent.Joined joined
                        ? joiners.apply(provider, joined)
                        : leavers.apply(provider, (MemberEvent.Left) event);
                applied++;
            }
            linkageLog.received(
                    provider.id(), event.event().eventId(), event.event().type(), event.localId(), outcome);
        }
        return new Applied(applied, duplicates);
    }

    /** The answer to a push: how many events were applied now, how many had been before. */
    record Applied(int applied, int duplicates) {}
}
