package org.sscard.relay.dispute;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.audit.Caller;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.PersonRef;
import org.sscard.relay.person.PersonService;

/**
 * "This is not me": the resident's links, and their dispute of one. A disputed link is suspended at once — no tile,
 * no token, no assertion, no desk look-up through it — and waits in the provider's review queue, where its
 * administrator confirms it was not the person's (REMOVED) or reinstates it ({@code relay/linkage}).
 */
@Service
class DisputeService {

    static final String PURPOSE = "本人からの申し出 / the resident said this is not them";

    private final LinkRepository links;
    private final PersonService persons;
    private final AccessLog accessLog;
    private final Caller caller;
    private final Clock clock;

    DisputeService(LinkRepository links, PersonService persons, AccessLog accessLog, Caller caller, Clock clock) {
        this.links = links;
        this.persons = persons;
        this.accessLog = accessLog;
        this.caller = caller;
        this.clock = clock;
    }

    /** Every link of the person but those removed more than a year ago; one access-log row, as the menu writes. */
    @Transactional
    public Links links(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        Links answer = new Links(links.ofPerson(person.id(), now().minusYears(1)));
        accessLog.record(person.id(), AccessAction.SERVICES_READ, "linked services", null);
        return answer;
    }

    /**
     * Suspends the person's link and opens a DISPUTED review for its provider, in one transaction with the access-log
     * row. Disputing a suspended link again changes nothing; a removed one cannot be disputed (its dispute is over).
     */
    @Transactional
    public LinkView dispute(UUID personId, UUID mappingId, DisputeRequest request) {
        PersonRef person = persons.requireRefForUpdate(personId);
        LinkRepository.Row mapping = links.forUpdate(person.id(), mappingId)
                .orElseThrow(() -> new RelayException(RelayError.MAPPING_NOT_FOUND, "the person has no such link"));
        LinkView link = mapping.view();
        switch (link.status()) {
            case REMOVED ->
                throw new RelayException(RelayError.MAPPING_REMOVED, "the link was removed after an earlier dispute");
            case SUSPENDED -> {
                // the second press of the button: nothing new happens, but the gateway read the link again
                accessLog.record(person.id(), AccessAction.SERVICES_READ, "linked services", link.providerKey());
                return link;
            }
            case ACTIVE, ENDED -> {
                OffsetDateTime now = now();
                links.suspend(mapping.id(), link.status(), now);
                links.openReview(mapping.id(), reason(request), now);
                accessLog.recordAs(
                        person.id(), AccessAction.LINK_DISPUTED, caller.actingFor(), PURPOSE, link.providerKey());
                return links.view(mapping.id()).orElseThrow();
            }
        }
        throw new IllegalStateException("unknown mapping status " + link.status());
    }

    private static String reason(DisputeRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return null;
        }
        return request.reason().strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
