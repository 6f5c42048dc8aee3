package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.Card;
import org.sscard.console.backend.IssuerClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * A card reported lost is suspended (put on hold, {@code certificateHold}); found again, it is resumed. Each with
 * the reason the resident gave, each a form of its own (POST, CSRF), by the certificate serial of the resident's
 * own card.
 */
@Controller
class CardStatusController {

    private final ResidentCards cards;
    private final IssuerClient issuer;
    private final AdminActions actions;

    CardStatusController(ResidentCards cards, IssuerClient issuer, AdminActions actions) {
        this.cards = cards;
        this.issuer = issuer;
        this.actions = actions;
    }

    @GetMapping("/residents/{personId}/cards/{cardSerial}/suspend")
    @PreAuthorize("hasAuthority('CARD_SUSPEND')")
    String suspendForm(@PathVariable UUID personId, @PathVariable String cardSerial, Model model) {
        return form(model, personId, cardSerial, "suspend", new FormErrors(), null);
    }

    @PostMapping("/residents/{personId}/cards/{cardSerial}/suspend")
    @PreAuthorize("hasAuthority('CARD_SUSPEND')")
    String suspend(
            @PathVariable UUID personId,
            @PathVariable String cardSerial,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, true, errors);
        if (errors.any()) {
            response.setStatus(400);
            return form(model, personId, cardSerial, "suspend", errors, reason);
        }
        Acting acting = Acting.of(authentication, client);
        Card card = cards.find(acting, personId, cardSerial, Card::isActive);
        actions.change(
                acting.staff(),
                personId.toString(),
                Action.SUSPEND_CARD,
                why,
                ResidentCards.before(card),
                () -> issuer.suspend(acting, card.certificateSerial()),
                status -> Map.of(
                        "cardSerial",
                        card.cardSerial(),
                        "status",
                        "SUSPENDED",
                        "issuerStatus",
                        String.valueOf(status)));
        return "redirect:/residents/" + personId + "?done=suspended";
    }

    @GetMapping("/residents/{personId}/cards/{cardSerial}/resume")
    @PreAuthorize("hasAuthority('CARD_RESUME')")
    String resumeForm(@PathVariable UUID personId, @PathVariable String cardSerial, Model model) {
        return form(model, personId, cardSerial, "resume", new FormErrors(), null);
    }

    @PostMapping("/residents/{personId}/cards/{cardSerial}/resume")
    @PreAuthorize("hasAuthority('CARD_RESUME')")
    String resume(
            @PathVariable UUID personId,
            @PathVariable String cardSerial,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, true, errors);
        if (errors.any()) {
            response.setStatus(400);
            return form(model, personId, cardSerial, "resume", errors, reason);
        }
        Acting acting = Acting.of(authentication, client);
        Card card = cards.find(acting, personId, cardSerial, Card::isSuspended);
        actions.change(
                acting.staff(),
                personId.toString(),
                Action.RESUME_CARD,
                why,
                ResidentCards.before(card),
                () -> issuer.resume(acting, card.certificateSerial()),
                status -> Map.of(
                        "cardSerial", card.cardSerial(), "status", "ACTIVE", "issuerStatus", String.valueOf(status)));
        return "redirect:/residents/" + personId + "?done=resumed";
    }

    static String form(Model model, UUID personId, String cardSerial, String action, FormErrors errors, String reason) {
        model.addAttribute("personId", personId);
        model.addAttribute("cardSerial", cardSerial);
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        model.addAttribute("cases", RevocationCase.values());
        return "residents/card-action";
    }
}
