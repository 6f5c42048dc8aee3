package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
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
 * Revoking a card for good (damaged, holder deceased, key compromise), in two steps: the form, then a page that says
 * what cannot be undone and asks again. Only the second POST ({@code confirmed=yes}) reaches the card issuer.
 */
@Controller
class RevokeController {

    private final ResidentCards cards;
    private final IssuerClient issuer;
    private final AdminActions actions;

    RevokeController(ResidentCards cards, IssuerClient issuer, AdminActions actions) {
        this.cards = cards;
        this.issuer = issuer;
        this.actions = actions;
    }

    @GetMapping("/residents/{personId}/cards/{cardSerial}/revoke")
    @PreAuthorize("hasAuthority('CARD_REVOKE')")
    String form(@PathVariable UUID personId, @PathVariable String cardSerial, Model model) {
        return CardStatusController.form(model, personId, cardSerial, "revoke", new FormErrors(), null);
    }

    @PostMapping("/residents/{personId}/cards/{cardSerial}/revoke")
    @PreAuthorize("hasAuthority('CARD_REVOKE')")
    String revoke(
            @PathVariable UUID personId,
            @PathVariable String cardSerial,
            @RequestParam(name = "case", required = false) String caseName,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "confirmed", required = false) String confirmed,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        RevocationCase revocation = RevocationCase.of(caseName);
        if (revocation == null) {
            errors.add("case");
        }
        String why = Inputs.reason(reason, true, errors);
        if (errors.any()) {
            response.setStatus(400);
            CardStatusController.form(model, personId, cardSerial, "revoke", errors, reason);
            model.addAttribute("chosen", caseName);
            return "residents/card-action";
        }
        if (!"yes".equals(confirmed)) {
            CardStatusController.form(model, personId, cardSerial, "revoke", errors, why);
            model.addAttribute("chosen", revocation.name());
            return "residents/revoke-confirm";
        }
        Acting acting = Acting.of(authentication, client);
        Card card = cards.find(acting, personId, cardSerial, Card::isLive);
        actions.change(
                acting.staff(),
                personId.toString(),
                Action.REVOKE_CARD,
                revocation.name() + ": " + why,
                ResidentCards.before(card),
                () -> issuer.revoke(acting, card.certificateSerial(), revocation.crlReason()),
                status -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("cardSerial", card.cardSerial());
                    after.put("status", "REVOKED");
                    after.put("revocationReason", revocation.crlReason());
                    after.put("issuerStatus", status);
                    return after;
                });
        return "redirect:/residents/" + personId + "?done=revoked";
    }
}
