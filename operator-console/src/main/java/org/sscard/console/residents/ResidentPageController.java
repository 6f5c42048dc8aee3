package org.sscard.console.residents;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.Card;
import org.sscard.console.backend.Person;
import org.sscard.console.backend.RelayClient;
import org.sscard.console.backend.ServiceChoice;

/**
 * A resident's page: the person's data, their cards with each card's status history and what can be done with it,
 * and their subscriptions (every provider service, joined, joinable or not known). Every view is recorded.
 */
@Controller
class ResidentPageController {

    /** What {@code ?done=} may say after an action (anything else is ignored). */
    static final Set<String> DONE = Set.of("registered", "suspended", "resumed", "revoked", "subscribed", "ended");

    private final RelayClient relay;
    private final AdminActions actions;

    ResidentPageController(RelayClient relay, AdminActions actions) {
        this.relay = relay;
        this.actions = actions;
    }

    @GetMapping("/residents/{personId}")
    @PreAuthorize("hasAuthority('RESIDENT_READ')")
    String resident(
            @PathVariable UUID personId,
            @RequestParam(name = "done", required = false) String done,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        Person person = relay.person(acting, personId);
        List<Card> cards = relay.cards(acting, personId);
        List<ServiceChoice> choices = relay.serviceChoices(acting, personId);
        actions.read(
                acting.staff(),
                personId.toString(),
                Action.READ_RESIDENT,
                Map.of("person", true, "cards", cards.size(), "serviceChoices", choices.size()));
        model.addAttribute("person", person);
        model.addAttribute("cards", cards);
        model.addAttribute("choices", choices);
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return "residents/resident";
    }
}
