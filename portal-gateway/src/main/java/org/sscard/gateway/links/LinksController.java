package org.sscard.gateway.links;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.common.time.PlatformDates;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords.Link;
import org.sscard.gateway.token.PairwiseTokens;
import org.sscard.gateway.token.ResidentSession;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/**
 * "Linked services": every link the relay holds between the resident and a provider's record, with its state in
 * words, and for each link in use or ended "this is not me": a confirmation page that says what happens, then a
 * POST (the portal's CSRF token) that asks the relay to stop the link at once and open a check at the provider, and
 * drops the provider's pairwise tokens from the session, as leaving does. The person is the session's own; the URL
 * names only the link, which the relay checks belongs to them.
 */
@Controller
class LinksController {

    private static final Logger log = LoggerFactory.getLogger(LinksController.class);
    /** As the relay takes it. */
    static final int REASON_MAX = 500;

    private final ResidentSession resident;
    private final RelayClient relay;
    private final PairwiseTokens tokens;
    private final DisputeNotices notices;
    private final Clock clock;

    LinksController(
            ResidentSession resident, RelayClient relay, PairwiseTokens tokens, DisputeNotices notices, Clock clock) {
        this.resident = resident;
        this.relay = relay;
        this.tokens = tokens;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/links")
    Mono<String> links(ServerWebExchange exchange, Model model) {
        // the access token first, as My Portal does: an expired login is renewed on this page
        return resident.accessToken(exchange)
                .then(resident.personId(exchange))
                .flatMap(person -> Mono.zip(relay.links(person), notices.take(exchange)))
                .map(found -> {
                    LocalDate today = today();
                    model.addAttribute(
                            "links",
                            found.getT1().stream()
                                    .map(link -> LinkView.of(link, today))
                                    .toList());
                    model.addAttribute("notice", found.getT2().orElse(null));
                    return "links";
                });
    }

    /** What saying "this is not me" does; a link past that (under review, removed) has nothing to confirm. */
    @GetMapping("/links/{mapping}/not-me")
    Mono<String> confirm(@PathVariable String mapping, ServerWebExchange exchange, Model model) {
        Optional<UUID> id = parse(mapping);
        return resident.accessToken(exchange)
                .then(resident.personId(exchange))
                .flatMap(person -> relay.links(person))
                .map(links -> {
                    Optional<Link> link = id.flatMap(wanted -> find(links, wanted));
                    if (link.isEmpty()) {
                        return refused(exchange, model, GatewayError.LINK_NOT_FOUND, null);
                    }
                    if (link.get().is(Link.REMOVED)) {
                        return refused(exchange, model, GatewayError.LINK_REMOVED, link.get());
                    }
                    if (!LinkView.of(link.get(), today()).disputable()) {
                        return "redirect:/links";
                    }
                    model.addAttribute("link", link.get());
                    return "not-me";
                });
    }

    /**
     * The relay stops the link (the resident's word is enough to stop it; only the provider's administrator can
     * remove it or restore it) and logs LINK_DISPUTED. The provider's pairwise tokens are dropped whatever the relay
     * answered: a dropped token is only exchanged again, and refused once the link is stopped; a kept one would let
     * the provider be reached until it expired.
     */
    @PostMapping("/links/{mapping}/not-me")
    Mono<String> dispute(@PathVariable String mapping, ServerWebExchange exchange, Model model) {
        Optional<UUID> id = parse(mapping);
        if (id.isEmpty()) {
            return Mono.just(refused(exchange, model, GatewayError.LINK_NOT_FOUND, null));
        }
        return Mono.zip(resident.personId(exchange), exchange.getFormData()).flatMap(asked -> {
            UUID person = asked.getT1();
            String reason = Optional.ofNullable(asked.getT2().getFirst("reason"))
                    .map(String::strip)
                    .filter(text -> !text.isEmpty())
                    .orElse(null);
            return relay.links(person)
                    .map(links -> find(links, id.get()))
                    .onErrorResume(GatewayException.class, e -> Mono.just(Optional.empty()))
                    .flatMap(known -> reason != null && reason.length() > REASON_MAX
                            ? Mono.just(tooLong(exchange, model, known, reason))
                            : dispute(exchange, model, person, id.get(), reason, known));
        });
    }

    private Mono<String> dispute(
            ServerWebExchange exchange, Model model, UUID person, UUID mapping, String reason, Optional<Link> known) {
        return relay.dispute(person, mapping, reason)
                .flatMap(link -> tokens.forget(exchange, link.providerKey())
                        .then(notices.put(exchange, new DisputeNotice(link.nameJa(), link.nameEn())))
                        .doOnSuccess(done -> log.info("a resident disputed a link to {}", link.providerKey()))
                        .thenReturn("redirect:/links"))
                .onErrorResume(e -> known.map(link -> tokens.forget(exchange, link.providerKey()))
                        .orElse(Mono.empty())
                        .then(Mono.error(e)))
                .onErrorResume(
                        LinksController::refusal,
                        e -> Mono.just(refused(exchange, model, ((GatewayException) e).error(), known.orElse(null))));
    }

    /** The confirmation page again, saying what to shorten; nothing was sent. */
    private static String tooLong(ServerWebExchange exchange, Model model, Optional<Link> known, String reason) {
        if (known.isEmpty()) {
            return refused(exchange, model, GatewayError.LINK_NOT_FOUND, null);
        }
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        model.addAttribute("link", known.get());
        model.addAttribute("reason", reason);
        model.addAttribute("reasonTooLong", true);
        return "not-me";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformDates.ZONE));
    }

    private static Optional<Link> find(List<Link> links, UUID mapping) {
        return links.stream().filter(link -> mapping.equals(link.mappingId())).findFirst();
    }

    private static Optional<UUID> parse(String mapping) {
        try {
            return Optional.of(UUID.fromString(mapping));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The relay said no: the person's own page for it; the relay being down stays an error page. */
    private static boolean refusal(Throwable e) {
        return e instanceof GatewayException g
                && (g.error() == GatewayError.LINK_NOT_FOUND
                        || g.error() == GatewayError.LINK_REMOVED
                        || g.error() == GatewayError.CHOICE_REFUSED);
    }

    private static String refused(ServerWebExchange exchange, Model model, GatewayError error, Link link) {
        exchange.getResponse().setStatusCode(error.status());
        model.addAttribute("code", error.name());
        model.addAttribute("link", link);
        return "link-refused";
    }
}
