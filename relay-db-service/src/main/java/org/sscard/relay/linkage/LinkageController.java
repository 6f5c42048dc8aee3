package org.sscard.relay.linkage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.linkage.LinkageEvent;
import org.sscard.common.linkage.Outbox;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * The insurers' linkage hops, both for insurer-adapters only and only for the insurers it is bound to
 * ({@code client-providers}): the push of an insurer's joiners and leavers into the relay, and the feed of what the
 * relay tells that insurer. The authorization is checked before the body is read.
 */
@RestController
class LinkageController {

    private final InboxService inbox;
    private final Outbox outbox;
    private final ProviderRegistry providers;

    LinkageController(InboxService inbox, Outbox outbox, ProviderRegistry providers) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.providers = providers;
    }

    @PostMapping("/api/v1/linkage/inbox/{providerKey}")
    @PreAuthorize("hasAuthority('LINKAGE_PUBLISH') and @clientProviders.allow(authentication, #providerKey)")
    InboxService.Applied push(@PathVariable String providerKey, InputStream body) throws IOException {
        providers.requireRef(providerKey);
        return inbox.apply(providerKey, PushedBatch.read(body, providerKey));
    }

    /**
     * The provider's events after {@code after}, oldest first; {@code next}: the last position returned, or
     * {@code after} when there is nothing new (the consumer's next {@code after}).
     */
    @GetMapping("/api/v1/linkage/feed/{providerKey}")
    @PreAuthorize("hasAuthority('LINKAGE_READ') and @clientProviders.allow(authentication, #providerKey)")
    Feed feed(
            @PathVariable String providerKey,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(Outbox.MAX_BATCH) int limit) {
        providers.requireRef(providerKey);
        List<LinkageEvent> events = outbox.after(providerKey, after, limit);
        return new Feed(
                events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    record Feed(List<LinkageEvent> events, long next) {}
}
