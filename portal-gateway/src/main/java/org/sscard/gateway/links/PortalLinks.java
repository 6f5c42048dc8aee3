package org.sscard.gateway.links;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.time.PlatformDates;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords.Link;
import org.sscard.gateway.relay.RelayRecords.ServiceChoice;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/**
 * What My Portal takes from the resident's links: which providers' links are stopped (under review or removed: their
 * tile goes, the relay no longer releases anything for them), whether a check is open, and the notice after a change
 * of insurer. If the relay cannot give the links, My Portal shows without them: the relay refuses a stopped link's
 * releases whatever the page shows.
 */
@Component
public class PortalLinks {

    private static final Logger log = LoggerFactory.getLogger(PortalLinks.class);

    private final RelayClient relay;
    private final Clock clock;

    PortalLinks(RelayClient relay, Clock clock) {
        this.relay = relay;
        this.clock = clock;
    }

    /** The resident's links as My Portal uses them. */
    public record Found(List<Link> links, LocalDate today) {

        /** Providers with a link under review or removed. */
        public Set<String> stopped() {
            return links.stream()
                    .filter(link -> link.is(Link.SUSPENDED) || link.is(Link.REMOVED))
                    .map(Link::providerKey)
                    .collect(Collectors.toSet());
        }

        /** Providers with a link under review. */
        public Set<String> underReview() {
            return links.stream()
                    .filter(link -> link.is(Link.SUSPENDED))
                    .map(Link::providerKey)
                    .collect(Collectors.toSet());
        }

        public Optional<CoverageNotice> coverageNotice(List<ServiceChoice> joinable) {
            return CoverageNotice.of(links, joinable, today);
        }
    }

    public Mono<Found> forPortal(UUID person) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformDates.ZONE));
        return relay.links(person).map(links -> new Found(links, today)).onErrorResume(GatewayException.class, e -> {
            log.warn("My Portal without the linked services: {}", e.getMessage());
            return Mono.just(new Found(List.of(), today));
        });
    }
}
