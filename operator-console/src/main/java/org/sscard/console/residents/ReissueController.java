package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
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
import org.sscard.console.backend.IssuedCard;
import org.sscard.console.backend.IssuerClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * Reissuing a card: the card issuer revokes the old one ({@code superseded}) and makes its successor for the same
 * resident in one go, with the new PIN typed twice; the new PKCS#12 is offered once, as for a new soft card.
 */
@Controller
class ReissueController {

    private final ResidentCards cards;
    private final IssuerClient issuer;
    private final AdminActions actions;
    private final Clock clock;

    ReissueController(ResidentCards cards, IssuerClient issuer, AdminActions actions, Clock clock) {
        this.cards = cards;
        this.issuer = issuer;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/residents/{personId}/cards/{cardSerial}/reissue")
    @PreAuthorize("hasAuthority('CARD_REISSUE')")
    String form(@PathVariable UUID personId, @PathVariable String cardSerial, Model model) {
        return CardStatusController.form(model, personId, cardSerial, "reissue", new FormErrors(), null);
    }

    @PostMapping("/residents/{personId}/cards/{cardSerial}/reissue")
    @PreAuthorize("hasAuthority('CARD_REISSUE')")
    String reissue(
            @PathVariable UUID personId,
            @PathVariable String cardSerial,
            @RequestParam(name = "pin", required = false) String pin,
            @RequestParam(name = "pinRepeat", required = false) String pinRepeat,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String checkedPin = Inputs.pin(pin, pinRepeat, errors);
        String why = Inputs.reason(reason, true, errors);
        if (errors.any()) {
            response.setStatus(400);
            return CardStatusController.form(model, personId, cardSerial, "reissue", errors, reason);
        }
        Acting acting = Acting.of(authentication, client);
        Card old = cards.find(acting, personId, cardSerial, Card::isLive);
        IssuedCard card = actions.change(
                acting.staff(),
                personId.toString(),
                Action.REISSUE_CARD,
                why,
                ResidentCards.before(old),
                () -> issuer.reissue(acting, old.cardSerial(), checkedPin, why),
                issued -> Map.of(
                        "replaced",
                                Map.of(
                                        "cardSerial",
                                        old.cardSerial(),
                                        "status",
                                        "REVOKED",
                                        "revocationReason",
                                        "superseded"),
                        "issued", SoftCardController.recorded(issued)));
        UUID download = IssuedDownloads.keep(session, personId, card, clock);
        return "redirect:/residents/" + personId + "/cards/issued/" + download;
    }
}
