package org.sscard.gateway.consent;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.common.provider.ProviderKey;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords.MenuEntry;
import org.sscard.gateway.relay.RelayRecords.ServiceChoice;
import org.sscard.gateway.token.PairwiseTokens;
import org.sscard.gateway.token.ResidentSession;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The resident joins and leaves providers' services themself: each change is a confirmation page (GET) that says
 * in plain words what it means, then a form (POST, with the portal's CSRF token) that asks the relay, which decides
 * and logs it (SUBSCRIBE / WITHDRAW, acting for the person), then back to My Portal with a notice. The person is
 * the session's own; the URL names only the provider and service. A refusal is a page in the portal's look.
 */
@Controller
class ConsentController {

    private static final Logger log = LoggerFactory.getLogger(ConsentController.class);
    private static final Pattern SERVICE_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final ResidentSession resident;
    private final RelayClient relay;
    private final PairwiseTokens tokens;
    private final ChoiceNotices notices;

    ConsentController(ResidentSession resident, RelayClient relay, PairwiseTokens tokens, ChoiceNotices notices) {
        this.resident = resident;
        this.relay = relay;
        this.tokens = tokens;
        this.notices = notices;
    }

    /** What joining means; a service the provider cannot be joined for yet says where to register instead. */
    @GetMapping("/join/{provider}/{service}")
    Mono<String> confirmJoin(
            @PathVariable String provider, @PathVariable String service, ServerWebExchange exchange, Model model) {
        // the access token first, as My Portal does: an expired login is renewed on this page, not on the POST
        return resident.accessToken(exchange)
                .then(choice(exchange, provider, service))
                .map(found -> {
                    ServiceChoice choice = found.choice();
                    if (choice.is(ServiceChoice.JOINED)) {
                        return "redirect:/";
                    }
                    model.addAttribute("choice", choice);
                    return choice.is(ServiceChoice.JOINABLE)
                            ? "join"
                            : refused(
                                    exchange,
                                    model,
                                    GatewayError.NOT_JOINABLE,
                                    choice.providerNameJa(),
                                    choice.providerNameEn());
                });
    }

    /** The relay decides whether the service can be joined (the provider must hold an ID for the person today). */
    @PostMapping("/join/{provider}/{service}")
    Mono<String> join(
            @PathVariable String provider, @PathVariable String service, ServerWebExchange exchange, Model model) {
        return choice(exchange, provider, service).flatMap(found -> {
            ServiceChoice choice = found.choice();
            return relay.subscribe(found.person(), provider, service)
                    .then(notices.put(
                            exchange,
                            new ChoiceNotice(
                                    ChoiceNotice.Kind.JOINED,
                                    choice.providerNameJa(),
                                    choice.providerNameEn(),
                                    choice.serviceNameJa(),
                                    choice.serviceNameEn())))
                    .doOnSuccess(done -> log.info("a resident joined {} {}", provider, service))
                    .thenReturn("redirect:/")
                    .onErrorResume(
                            ConsentController::refusal,
                            e -> Mono.just(refused(
                                    exchange,
                                    model,
                                    ((GatewayException) e).error(),
                                    choice.providerNameJa(),
                                    choice.providerNameEn())));
        });
    }

    /** What leaving means: the tile goes, the provider's pages cannot be reached from here, its records stay. */
    @GetMapping("/leave/{provider}")
    Mono<String> confirmLeave(@PathVariable String provider, ServerWebExchange exchange, Model model) {
        return resident.accessToken(exchange).then(joined(exchange, provider)).map(found -> {
            if (found.services().isEmpty()) {
                return "redirect:/";
            }
            model.addAttribute("provider", found.services().get(0));
            model.addAttribute("services", found.services());
            return "leave";
        });
    }

    /**
     * Withdraws every open subscription of the provider (its tile is one), then drops the provider's pairwise
     * tokens from the session at once, whatever the relay answered: a dropped token is only exchanged again (and
     * refused once the relay has the withdrawal), a kept one would let the resident's choice wait for its expiry.
     */
    @PostMapping("/leave/{provider}")
    Mono<String> leave(@PathVariable String provider, ServerWebExchange exchange, Model model) {
        return joined(exchange, provider).flatMap(found -> {
            if (found.services().isEmpty()) {
                return Mono.just("redirect:/");
            }
            MenuEntry first = found.services().get(0);
            return Flux.fromIterable(found.services())
                    .concatMap(entry -> relay.withdraw(found.person(), entry.subscriptionId()))
                    .then()
                    .onErrorResume(e -> tokens.forget(exchange, provider).then(Mono.error(e)))
                    .then(tokens.forget(exchange, provider))
                    .then(notices.put(
                            exchange,
                            new ChoiceNotice(
                                    ChoiceNotice.Kind.LEFT,
                                    first.providerNameJa(),
                                    first.providerNameEn(),
                                    null,
                                    null)))
                    .doOnSuccess(done -> log.info("a resident left {}", provider))
                    .thenReturn("redirect:/")
                    .onErrorResume(
                            ConsentController::refusal,
                            e -> Mono.just(refused(
                                    exchange,
                                    model,
                                    ((GatewayException) e).error(),
                                    first.providerNameJa(),
                                    first.providerNameEn())));
        });
    }

    private record Found(UUID person, ServiceChoice choice) {}

    private record Joined(UUID person, List<MenuEntry> services) {}

    private Mono<Found> choice(ServerWebExchange exchange, String provider, String service) {
        if (!ProviderKey.isValid(provider) || !SERVICE_KEY.matcher(service).matches()) {
            return Mono.error(notFound());
        }
        return resident.personId(exchange)
                .flatMap(person -> relay.serviceChoices(person)
                        .flatMap(choices -> Mono.justOrEmpty(choices.stream()
                                .filter(choice ->
                                        provider.equals(choice.providerKey()) && service.equals(choice.serviceKey()))
                                .findFirst()))
                        .switchIfEmpty(Mono.error(ConsentController::notFound))
                        .map(choice -> new Found(person, choice)));
    }

    /** The provider's open subscriptions, as its tile shows them. */
    private Mono<Joined> joined(ServerWebExchange exchange, String provider) {
        if (!ProviderKey.isValid(provider)) {
            return Mono.error(notFound());
        }
        return resident.personId(exchange)
                .flatMap(person -> relay.menu(person)
                        .map(menu -> new Joined(
                                person,
                                menu.stream()
                                        .filter(entry -> provider.equals(entry.providerKey()))
                                        .toList())));
    }

    /** The relay said no (or not now): the person's own page for it; the relay being down stays an error page. */
    private static boolean refusal(Throwable e) {
        return e instanceof GatewayException g
                && (g.error() == GatewayError.NOT_JOINABLE || g.error() == GatewayError.CHOICE_REFUSED);
    }

    private static String refused(
            ServerWebExchange exchange, Model model, GatewayError error, String providerNameJa, String providerNameEn) {
        exchange.getResponse().setStatusCode(error.status());
        model.addAttribute("code", error.name());
        model.addAttribute("providerNameJa", providerNameJa);
        model.addAttribute("providerNameEn", providerNameEn);
        return "choice-refused";
    }

    private static GatewayException notFound() {
        return new GatewayException(GatewayError.NOT_FOUND, "no such service");
    }
}
