package org.sscard.gateway.portal;

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
import org.sscard.gateway.consent.ServiceChoices;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.token.ResidentSession;
import reactor.core.publisher.Mono;

/**
 * My Portal: who is logged in (name in kana, the provisional social-security number masked), a tile per joined
 * provider, then the services the resident can join and those that need a registration at a counter first (the
 * consent package), and once the notice of a join or leave just made. The person is the session's own; no request
 * parameter can name another.
 */
@Controller
class PortalController {

    private final ResidentSession resident;
    private final RelayClient relay;
    private final Tiles tiles;
    private final ServiceChoices choices;
    private final ChoiceNotices notices;

    PortalController(
            ResidentSession resident, RelayClient relay, Tiles tiles, ServiceChoices choices, ChoiceNotices notices) {
        this.resident = resident;
        this.relay = relay;
        this.tiles = tiles;
        this.choices = choices;
        this.notices = notices;
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
                        notices.take(exchange)))
                .map(found -> {
                    model.addAttribute("nameKana", found.getT1().nameKana());
                    model.addAttribute("nameKanji", found.getT1().nameKanji());
                    model.addAttribute("maskedSsn", mask(found.getT1().provisionalSsn()));
                    model.addAttribute("tiles", found.getT2());
                    Set<String> tiled =
                            found.getT2().stream().map(Tile::providerKey).collect(Collectors.toSet());
                    model.addAttribute("choices", found.getT3().without(tiled));
                    model.addAttribute("notice", found.getT4().orElse(null));
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
