package org.sscard.gateway.portal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.consent.ChoiceNotices;
import org.sscard.gateway.consent.PortalChoices;
import org.sscard.gateway.consent.ServiceChoices;
import org.sscard.gateway.links.PortalLinks;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.token.ResidentSession;
import reactor.core.publisher.Mono;

/**
 * My Portal: who is logged in (name in kana, the provisional social-security number masked), a tile per joined
 * provider, then the services the resident can join and those that need a registration at a counter first (the
 * consent package), and once the notice of a join or leave just made. From the resident's links (the links package):
 * no tile for a provider whose link is stopped, a line when a check is open, and the notice after a change of insurer
 * with the new insurer's Join buttons. The person is the session's own; no request parameter can name another.
 */
@Controller
class PortalController {

    private final ResidentSession resident;
    private final RelayClient relay;
    private final Tiles tiles;
    private final ServiceChoices choices;
    private final ChoiceNotices notices;
    private final PortalLinks links;

    PortalController(
            ResidentSession resident,
            RelayClient relay,
            Tiles tiles,
            ServiceChoices choices,
            ChoiceNotices notices,
            PortalLinks links) {
        this.resident = resident;
        this.relay = relay;
        this.tiles = tiles;
        this.choices = choices;
        this.notices = notices;
        this.links = links;
    }

    @GetMapping("/")
    Mono<String> portal(ServerWebExchange exchange, Model model) {
        // the access token first: an expired login is renewed before anything is asked for with it
        return resident.accessToken(exchange)
                .then(resident.personId(exchange))
                .flatMap(person -> Mono.zip(
                        relay.person(person),
                        tiles.forResident(exchange, person),
                        choices.forPortal(person),
                        notices.take(exchange),
                        links.forPortal(person)))
                .map(found -> {
                    model.addAttribute("nameKana", found.getT1().nameKana());
                    model.addAttribute("nameKanji", found.getT1().nameKanji());
                    model.addAttribute("maskedSsn", mask(found.getT1().provisionalSsn()));
                    PortalLinks.Found linked = found.getT5();
                    // a provider whose link is stopped has no tile ("registration in progress" would be wrong): the
                    // relay no longer releases anything for it, and "linked services" says why
                    Set<String> stopped = linked.stopped();
                    List<Tile> shown = found.getT2().stream()
                            .filter(tile ->
                                    tile.state() != Tile.State.NOT_READY || !stopped.contains(tile.providerKey()))
                            .toList();
                    model.addAttribute("tiles", shown);
                    Set<String> tiled =
                            new HashSet<>(shown.stream().map(Tile::providerKey).collect(Collectors.toSet()));
                    // nor does one under review belong among those to register for at a counter
                    tiled.addAll(linked.underReview());
                    PortalChoices choices = found.getT3().without(tiled);
                    model.addAttribute("choices", choices);
                    model.addAttribute("notice", found.getT4().orElse(null));
                    model.addAttribute("underReview", !linked.underReview().isEmpty());
                    model.addAttribute(
                            "coverage",
                            linked.coverageNotice(choices.joinable()).orElse(null));
                    return "portal";
                });
    }

    /** The idle-logout dialog's "continue": any request of the session restarts its idle time. */
    @PostMapping("/session/extend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> extend() {
        return Mono.empty();
    }

    /** All but the last four digits hidden: {@code ********0001}. */
    static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int shown = Math.min(4, number.length());
        return "*".repeat(number.length() - shown) + number.substring(number.length() - shown);
    }
}
