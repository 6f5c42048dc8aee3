package org.sscard.gateway.links;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sscard.gateway.relay.RelayRecords.Link;
import org.sscard.gateway.relay.RelayRecords.ServiceChoice;

/**
 * My Portal's notice after a change of insurer: the coverage at one insurer ended within the last {@value #DAYS}
 * days, a newer insurer holds the resident, and its services can be joined (the consent flow's own Join buttons).
 * {@code endedOn} is the last day covered, as the relay's {@code validTo} is.
 */
public record CoverageNotice(
        String endedNameJa,
        String endedNameEn,
        LocalDate endedOn,
        String newNameJa,
        String newNameEn,
        List<ServiceChoice> services) {

    static final int DAYS = 90;

    /** The notice, or empty: no recent end, no newer insurer, or nothing of it left to join. */
    public static Optional<CoverageNotice> of(List<Link> links, List<ServiceChoice> joinable, LocalDate today) {
        Optional<Link> ended = links.stream()
                .filter(Link::insurer)
                .filter(link -> link.is(Link.ENDED) || link.is(Link.ACTIVE))
                .filter(link -> link.validTo() != null
                        && link.validTo().isBefore(today)
                        && !link.validTo().isBefore(today.minusDays(DAYS)))
                .max(Comparator.comparing(Link::validTo));
        return ended.flatMap(previous -> links.stream()
                .filter(Link::insurer)
                .filter(link -> link.is(Link.ACTIVE))
                .filter(link -> !link.mappingId().equals(previous.mappingId()))
                .filter(link -> link.validTo() == null || !link.validTo().isBefore(today))
                .filter(link -> link.validFrom() != null
                        && previous.validFrom() != null
                        && link.validFrom().isAfter(previous.validFrom()))
                // the newest insurer that has something left to join: one already joined needs no notice
                .filter(link -> !joinableAt(link, joinable).isEmpty())
                .max(Comparator.comparing(Link::validFrom))
                .map(newer -> new CoverageNotice(
                        previous.nameJa(),
                        previous.nameEn(),
                        previous.validTo(),
                        newer.nameJa(),
                        newer.nameEn(),
                        joinableAt(newer, joinable))));
    }

    private static List<ServiceChoice> joinableAt(Link link, List<ServiceChoice> choices) {
        return choices.stream()
                .filter(choice -> choice.is(ServiceChoice.JOINABLE))
                .filter(choice -> link.providerKey().equals(choice.providerKey()))
                .toList();
    }
}
