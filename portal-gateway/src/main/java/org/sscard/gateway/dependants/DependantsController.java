package org.sscard.gateway.dependants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.common.provider.ProviderKey;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.relay.RelayRecords.MenuEntry;
import org.sscard.gateway.token.ResidentSession;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/**
 * 被扶養者確認 in My Portal: the insured resident sees their dependants as their insurer holds them and answers for
 * each (still my dependant / no longer, with a note), then sees that the insurer will review it. Only for an insurer
 * the resident joined and the provider knows them at; the insurer decides the rest (a dependant's own login is
 * refused there). The person is the session's own; the URL names only the insurer. The answers go as one POST
 * with the portal's CSRF token, then back to the page (post/redirect/get). The insurer being down, or refusing, is
 * a page in the portal's look, in Japanese or English.
 */
@Controller
class DependantsController {

    private static final Logger log = LoggerFactory.getLogger(DependantsController.class);
    static final String INSURER = "INSURER";

    private final ResidentSession resident;
    private final RelayClient relay;
    private final DependantsClient insurers;

    DependantsController(ResidentSession resident, RelayClient relay, DependantsClient insurers) {
        this.resident = resident;
        this.relay = relay;
        this.insurers = insurers;
    }

    @GetMapping("/dependants/{provider}")
    Mono<String> page(@PathVariable String provider, ServerWebExchange exchange, Model model) {
        // the access token first, as My Portal does: an expired login is renewed on this page, not on the POST
        return resident.accessToken(exchange)
                .then(insurer(exchange, provider))
                .flatMap(insurer -> insurers.state(exchange, insurer)
                        .map(state -> form(model, insurer, state, AnswerForm.previous(state), false))
                        .onErrorResume(DependantsController::shown, e -> unavailable(exchange, model, insurer, e)));
    }

    @PostMapping("/dependants/{provider}")
    Mono<String> submit(@PathVariable String provider, ServerWebExchange exchange, Model model) {
        return insurer(exchange, provider)
                .flatMap(insurer -> exchange.getFormData()
                        .map(AnswerForm::of)
                        .flatMap(answers -> insurers.submit(exchange, insurer, answers)
                                .flatMap(outcome -> {
                                    if (outcome == DependantsClient.Outcome.INVALID) {
                                        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                                        return insurers.state(exchange, insurer)
                                                .map(state -> form(model, insurer, state, answers, true));
                                    }
                                    if (outcome == DependantsClient.Outcome.SUBMITTED) {
                                        log.info("a resident answered the dependant verification of {}", provider);
                                    }
                                    return Mono.just("redirect:/dependants/" + provider);
                                }))
                        .onErrorResume(DependantsController::shown, e -> unavailable(exchange, model, insurer, e)));
    }

    /** The joined insurer's menu entry: a provider not joined, not known or not an insurer has no such page. */
    private Mono<MenuEntry> insurer(ServerWebExchange exchange, String provider) {
        if (!ProviderKey.isValid(provider)) {
            return Mono.error(notFound());
        }
        return resident.personId(exchange)
                .flatMap(person -> relay.menu(person)
                        .flatMap(menu -> Mono.justOrEmpty(menu.stream()
                                .filter(entry -> provider.equals(entry.providerKey())
                                        && INSURER.equals(entry.providerType())
                                        && entry.mapped())
                                .findFirst()))
                        .switchIfEmpty(Mono.error(DependantsController::notFound)));
    }

    private static String form(
            Model model, MenuEntry insurer, VerificationState state, AnswerForm answers, boolean invalid) {
        model.addAttribute("insurer", insurer);
        model.addAttribute("verification", state);
        model.addAttribute("answers", answers);
        model.addAttribute("invalid", invalid);
        return "dependants";
    }

    /** The insurer's refusal or failure, on the portal's own page; an expired login still goes to be renewed. */
    private static boolean shown(Throwable e) {
        return e instanceof GatewayException g && g.error() != GatewayError.INTERNAL;
    }

    private static Mono<String> unavailable(
            ServerWebExchange exchange, Model model, MenuEntry insurer, Throwable failure) {
        GatewayError error = ((GatewayException) failure).error();
        exchange.getResponse().setStatusCode(error.status());
        model.addAttribute("insurer", insurer);
        model.addAttribute("code", error.name());
        model.addAttribute("refused", error == GatewayError.DEPENDANTS_REFUSED || error == GatewayError.NOT_JOINED);
        return Mono.just("dependants-unavailable");
    }

    private static GatewayException notFound() {
        return new GatewayException(GatewayError.NOT_FOUND, "no such insurer for this resident");
    }
}
